{{%AUTOESCAPE context="HTML"}}<section class="panel">
  {{>KIOSK_BAR}}
  <p class="back no-print"><a href="{{BACK_URL}}">← {{PLACE_NAME}}</a></p>
  <h1>{{TITLE}}</h1>
  <p class="lead">Hồ sơ Bộ phận một cửa của {{PLACE_NAME}} đã nhận và giải quyết, người dân đánh giá ra sao và phản ánh, kiến nghị được trả lời có đúng hạn không, tính đến hết ngày {{TODAY}}. Số liệu cập nhật ngay khi có hồ sơ mới.</p>
  <div class="table-wrap" role="region" aria-labelledby="figures-caption" tabindex="0">
  <table class="figures">
    <caption id="figures-caption">Số liệu tháng {{MONTH}} và năm {{YEAR}}</caption>
    <thead><tr><th scope="col">Số liệu</th><th scope="col">Tháng {{MONTH}}</th><th scope="col">Năm {{YEAR}}</th></tr></thead>
    <tbody>
      <tr><th scope="row">Hồ sơ đã tiếp nhận</th><td id="month-received">{{M_RECEIVED}}</td><td id="year-received">{{Y_RECEIVED}}</td></tr>
      <tr><th scope="row">Hồ sơ đã giải quyết xong</th><td id="month-resolved">{{M_RESOLVED}}</td><td id="year-resolved">{{Y_RESOLVED}}</td></tr>
      <tr><th scope="row">Giải quyết đúng hạn hoặc sớm hơn hạn</th><td id="month-on-time">{{M_ON_TIME}}</td><td id="year-on-time">{{Y_ON_TIME}}</td></tr>
      <tr><th scope="row">Lượt người dân đánh giá</th><td id="month-ratings">{{M_RATINGS}}</td><td id="year-ratings">{{Y_RATINGS}}</td></tr>
      <tr><th scope="row">Hài lòng hoặc rất hài lòng</th><td id="month-satisfied">{{M_SATISFIED}}</td><td id="year-satisfied">{{Y_SATISFIED}}</td></tr>
      <tr><th scope="row">Phản ánh, kiến nghị đã trả lời</th><td id="month-answered">{{M_ANSWERED}}</td><td id="year-answered">{{Y_ANSWERED}}</td></tr>
      <tr><th scope="row">Trả lời phản ánh, kiến nghị đúng hạn</th><td id="month-answered-on-time">{{M_ANSWERED_ON_TIME}}</td><td id="year-answered-on-time">{{Y_ANSWERED_ON_TIME}}</td></tr>
    </tbody>
  </table>
  </div>
  <p class="hint" id="too-few-note">Tỷ lệ chỉ được tính khi có từ {{MINIMUM}} hồ sơ, lượt đánh giá hoặc phản ánh đã trả lời trở lên; ít hơn thì ghi “Chưa đủ số liệu”, vì vài trường hợp chưa nói lên được điều gì.</p>
  <h2 class="no-print">Tải số liệu</h2>
  <p class="no-print">Số liệu từng tháng từ tháng 1 năm trước: <a href="{{PLACE_URL}}/so-lieu.csv">bảng tính (CSV)</a> · <a href="{{PLACE_URL}}/so-lieu.json">JSON</a>. Dữ liệu mở, được dùng lại khi ghi rõ nguồn.</p>
</section>
