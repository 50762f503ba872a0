{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · Chính quyền thân thiện</title>
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<a class="skip" href="#main">Bỏ qua, đến nội dung chính</a>
<header class="top">
  <a class="brand" href="/">Chính quyền thân thiện</a>
  <nav aria-label="Điều hướng chính">
  {{#USER}}
    <a href="/dashboard">Tổng quan</a>
    <a href="/units">Đơn vị</a>
    {{/USER}}<a href="/calendar">Lịch</a>{{#MANAGER}}<a href="/officials">Cán bộ</a>{{/MANAGER}}{{#ADMIN}}
    <a href="/events">Nhật ký</a>
    <a href="/tokens">Khóa API</a>{{/ADMIN}}
  </nav>{{#USER}}
  <div class="who">
    <a href="/account/password" title="Đổi mật khẩu">{{FULL_NAME}}</a>
    <form method="post" action="/logout">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <button type="submit" class="link">Đăng xuất</button>
    </form>
  </div>
  {{/USER}}
</header>
<main id="main">
{{>CONTENT}}
</main>
<footer class="foot">Hệ thống Chính quyền thân thiện · phục vụ người dân và doanh nghiệp</footer>
</body>
</html>
