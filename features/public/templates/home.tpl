{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Thông tin cho người dân và doanh nghiệp</h1>
  <p class="lead">Trang này giúp bạn biết ngày, giờ làm việc của Ủy ban nhân dân xã, phường và tính ngày hẹn trả kết quả hồ sơ. Bạn không cần đăng nhập.</p>
  {{#SIGNED_IN}}<p class="notice">Bạn đang đăng nhập với tên {{FULL_NAME}}. <a href="/dashboard">Vào trang làm việc của cán bộ</a></p>{{/SIGNED_IN}}
  <h2>Tìm xã, phường của bạn</h2>
  <p>Chọn xã, phường để xem giờ làm việc, lịch nghỉ và tính hạn giải quyết hồ sơ theo đúng nơi bạn nộp.</p>
  {{>SEARCH_FORM}}
  {{#HAS_LIST}}<h3 id="listed-title">Hoặc chọn trong danh sách</h3>
  <ul class="results" aria-labelledby="listed-title">{{#LISTED}}
    <li><a href="{{HREF}}">{{NAME}}</a> <span class="where">{{WHERE}}</span></li>{{/LISTED}}
  </ul>{{/HAS_LIST}}
</section>
<section class="panel">
  <h2>Bạn có thể</h2>
  <ul class="links">
    <li><a href="/calendar">Xem lịch làm việc, ngày nghỉ lễ, Tết năm nay</a></li>
    <li><a href="/calendar/due">Tính hạn giải quyết hồ sơ (ngày hẹn trả kết quả)</a></li>
  </ul>
  <h2>Tra cứu hồ sơ đã nộp</h2>
  <p><a id="home-lookup" href="/tra-cuu">Xem hồ sơ của bạn đang giải quyết đến đâu</a> bằng mã hồ sơ ghi trên giấy tiếp nhận (hoặc quét mã QR trên giấy). Cần hỏi thêm, hãy hỏi Bộ phận một cửa của xã, phường nơi bạn nộp hồ sơ{{#HAS_HOTLINE}} hoặc gọi đường dây nóng {{HOTLINE}}{{/HAS_HOTLINE}}.</p>
</section>
