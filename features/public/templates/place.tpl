{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/">← Trang chủ</a></p>
  <h1>{{NAME}} <small>mã {{CODE}}</small></h1>
  {{#ENDED}}<p class="notice" id="place-ended">{{NAME}} không còn là đơn vị hành chính từ ngày {{VALID_TO}}.{{#HAS_SUCCESSOR}} Nay thuộc <a href="/xa/{{SUCCESSOR_URL}}">{{SUCCESSOR_NAME}}</a>: hãy xem giờ làm việc và nộp hồ sơ ở đó.{{/HAS_SUCCESSOR}}</p>{{/ENDED}}
  {{#NOT_YET}}<p class="notice">{{NAME}} bắt đầu hoạt động từ ngày {{VALID_FROM}}.</p>{{/NOT_YET}}
  <dl class="summary">
    <div><dt>Tỉnh, thành phố</dt><dd>{{PROVINCE_NAME}}</dd></div>
    {{#HAS_DISTRICT}}<div><dt>Trực thuộc</dt><dd>{{PARENT_NAME}}</dd></div>{{/HAS_DISTRICT}}
    {{#OPEN}}<div><dt>Ngày làm việc</dt><dd>{{WORKING_DAYS}}</dd></div>
    <div><dt>Giờ làm việc</dt><dd><ul class="plain">{{#SESSION}}<li>{{FROM}} – {{TO}}</li>{{/SESSION}}</ul></dd></div>{{/OPEN}}
  </dl>
  {{#OPEN}}<p class="hint">Không làm việc vào ngày nghỉ lễ, Tết và ngày nghỉ bù theo quyết định của Chính phủ.</p>
  <h2>Thủ tục hành chính</h2>
  <ul class="links">
    <li><a id="place-catalogue" href="/xa/{{CODE_URL}}/thu-tuc">Giấy tờ, lệ phí và thời hạn của các thủ tục tại {{NAME}}</a></li>
  </ul>
  <h2>Liên hệ và kết quả</h2>
  <ul class="links">
    <li><a id="place-directory" href="/xa/{{CODE_URL}}/danh-ba">Danh bạ lãnh đạo và cán bộ, công chức</a></li>
    <li><a id="place-figures" href="/xa/{{CODE_URL}}/so-lieu">Số hồ sơ đã giải quyết, tỷ lệ đúng hạn và mức độ hài lòng</a></li>
    <li><a id="place-announcements" href="/xa/{{CODE_URL}}/thong-bao">Thông báo trên loa các ấp, khu phố</a></li>
    <li><a id="place-kiosk" href="/xa/{{CODE_URL}}/kiosk">Chế độ máy tra cứu công cộng (chữ lớn, tự về trang đầu)</a></li>
  </ul>
  <h2>Lịch làm việc và hạn giải quyết</h2>
  <ul class="links">
    <li><a id="place-calendar" href="/calendar?unit={{CODE_URL}}">Lịch làm việc, ngày nghỉ lễ năm nay của {{NAME}}</a></li>
    <li><a id="place-due" href="/calendar/due?unit={{CODE_URL}}">Tính hạn giải quyết hồ sơ nộp tại {{NAME}}</a></li>
  </ul>
  <h2>Tra cứu hồ sơ</h2>
  <p><a id="place-lookup" href="/tra-cuu">Xem hồ sơ nộp tại {{NAME}} đang giải quyết đến đâu</a> bằng mã hồ sơ ghi trên giấy tiếp nhận. Cần hỏi thêm, hãy hỏi trực tiếp Bộ phận một cửa{{#HAS_HOTLINE}} hoặc gọi đường dây nóng {{HOTLINE}}{{/HAS_HOTLINE}}.</p>{{/OPEN}}
  <p class="choose-place"><a href="/xa">Tìm xã, phường khác</a></p>
</section>
