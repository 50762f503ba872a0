{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · Chính quyền thân thiện</title>
{{#HAS_DESCRIPTION}}<meta name="description" content="{{DESCRIPTION}}">
{{/HAS_DESCRIPTION}}<link rel="stylesheet" href="/static/site.css">
{{#STYLESHEET}}<link rel="stylesheet" href="{{HREF}}">
{{/STYLESHEET}}<script src="/static/site.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Bỏ qua, đến nội dung chính</a>
<header class="top">
  <a class="brand" href="/">Chính quyền thân thiện</a>
  <nav aria-label="Điều hướng chính">
  {{#NAV_USER}}<a href="/dashboard"{{#NAV_DASHBOARD}} aria-current="page"{{/NAV_DASHBOARD}}>Tổng quan</a>{{/NAV_USER}}{{#DESK}}
    <a href="/desk"{{#NAV_DESK}} aria-current="page"{{/NAV_DESK}}>Một cửa</a>
    <a href="/thu"{{#NAV_LETTERS}} aria-current="page"{{/NAV_LETTERS}}>Thư</a>
    <a href="/desk/ratings"{{#NAV_RATINGS}} aria-current="page"{{/NAV_RATINGS}}>Đánh giá</a>
    <a href="/feedback"{{#NAV_FEEDBACK}} aria-current="page"{{/NAV_FEEDBACK}}>Phản ánh</a>{{/DESK}}{{#NAV_USER}}
    <a href="/surveys/evaluations"{{#NAV_SURVEYS}} aria-current="page"{{/NAV_SURVEYS}}>Khảo sát</a>
    <a href="/cham-diem"{{#NAV_SCORECARDS}} aria-current="page"{{/NAV_SCORECARDS}}>Chấm điểm</a>
    <a href="/units"{{#NAV_UNITS}} aria-current="page"{{/NAV_UNITS}}>Đơn vị</a>
    <a href="/calendar"{{#NAV_CALENDAR}} aria-current="page"{{/NAV_CALENDAR}}>Lịch làm việc</a>{{/NAV_USER}}{{#MANAGER}}
    <a href="/officials"{{#NAV_OFFICIALS}} aria-current="page"{{/NAV_OFFICIALS}}>Cán bộ</a>{{/MANAGER}}{{#ADMIN}}
    <a href="/events"{{#NAV_EVENTS}} aria-current="page"{{/NAV_EVENTS}}>Nhật ký</a>
    <a href="/tokens"{{#NAV_TOKENS}} aria-current="page"{{/NAV_TOKENS}}>Kết nối hệ thống khác</a>{{/ADMIN}}{{#NAV_PUBLIC}}
    <a href="/calendar"{{#NAV_CALENDAR}} aria-current="page"{{/NAV_CALENDAR}}>Lịch làm việc</a>
    <a href="/dang-nhap"{{#NAV_LOGIN}} aria-current="page"{{/NAV_LOGIN}}>Cán bộ đăng nhập</a>{{/NAV_PUBLIC}}
  </nav>{{#USER}}
  <div class="who">
    <a href="/account/password">{{FULL_NAME}}<span class="visually-hidden"> (đổi mật khẩu)</span></a>
    <form method="post" action="/logout">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <button type="submit" class="link">Đăng xuất</button>
    </form>
  </div>
  {{/USER}}
</header>
<main id="main">
{{#HAS_NOTICE}}<div class="banner banner-success" role="status" tabindex="-1" id="notice">{{NOTICE}}</div>{{/HAS_NOTICE}}
{{#HAS_WARNING}}<div class="banner banner-warning" role="alert" tabindex="-1" id="notice">{{WARNING}}</div>{{/HAS_WARNING}}
{{#HAS_ERRORS}}<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">Có lỗi cần sửa</h2>
  <ul>{{#ERROR_ITEM}}<li>{{#LINKED}}<a href="#{{FIELD_ID}}">{{MESSAGE}}</a>{{/LINKED}}{{#UNLINKED}}{{MESSAGE}}{{/UNLINKED}}</li>{{/ERROR_ITEM}}</ul>
</div>{{/HAS_ERRORS}}
{{>CONTENT}}
</main>
<footer class="foot">
  <p>Hệ thống Chính quyền thân thiện · phục vụ người dân và doanh nghiệp</p>
  {{#HAS_SITE_AGENCY}}<p id="site-agency">Cơ quan chịu trách nhiệm: {{SITE_AGENCY}}</p>{{/HAS_SITE_AGENCY}}
  {{#HAS_SITE_ADDRESS}}<p id="site-address">Địa chỉ: {{SITE_ADDRESS}}</p>{{/HAS_SITE_ADDRESS}}
  {{#HAS_SITE_HOTLINE}}<p id="site-hotline">Đường dây nóng: <a href="tel:{{SITE_HOTLINE_TEL}}">{{SITE_HOTLINE}}</a></p>{{/HAS_SITE_HOTLINE}}
  {{#HAS_SITE_EMAIL}}<p id="site-email">Thư điện tử: <a href="mailto:{{SITE_EMAIL}}">{{SITE_EMAIL}}</a></p>{{/HAS_SITE_EMAIL}}
  {{#FOOT_LOGIN}}<p><a href="/dang-nhap">Cán bộ, công chức đăng nhập</a></p>{{/FOOT_LOGIN}}
</footer>
</body>
</html>
