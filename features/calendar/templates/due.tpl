{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Tính hạn giải quyết</h1>
  <p class="lead">Thời hạn tính theo ngày, giờ làm việc; không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết và ngày nghỉ do Chính phủ quyết định. Hồ sơ nhận sau giờ chốt được tính từ ngày làm việc tiếp theo.</p>
  <p><a href="/calendar">← Lịch làm việc</a></p>
  {{#HAS_ERROR}}<div class="alert" role="alert" data-field="{{ERROR_FIELD}}">{{ERROR}}</div>{{/HAS_ERROR}}
  {{#HAS_RESULT}}<div class="notice result" role="status">
    <p>Hạn giải quyết: <strong id="due-at" data-iso="{{DUE_ISO}}">{{DUE}}</strong></p>
    <p>Bắt đầu tính: {{STARTS}}.</p>
    <p>Nếu có thể trễ hạn, gửi văn bản xin lỗi và hẹn lại chậm nhất: {{WARNING}} (một ngày làm việc trước hạn).</p>
    <p class="hint">Giờ làm việc: {{SESSIONS}}{{#HAS_FROM}} (theo thiết lập của đơn vị {{FROM}}){{/HAS_FROM}}.</p>
  </div>{{/HAS_RESULT}}
  <form method="get" action="/calendar/due">
    <label for="date">Ngày tiếp nhận</label>
    <input id="date" name="date" type="date" required value="{{DATE}}">
    <label for="time">Giờ tiếp nhận</label>
    <input id="time" name="time" type="time" required value="{{TIME}}">
    <label for="amount">Thời hạn</label>
    <input id="amount" name="amount" inputmode="numeric" maxlength="5" value="{{AMOUNT}}">
    <label for="limit_unit">Tính theo</label>
    <select id="limit_unit" name="limit_unit">{{#LIMIT_UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/LIMIT_UNIT}}</select>
    <label for="cutoff">Giờ chốt nhận hồ sơ</label>
    <input id="cutoff" name="cutoff" type="time" value="{{CUTOFF}}">
    <label for="unit">Mã đơn vị (để dùng giờ làm việc của đơn vị, không bắt buộc)</label>
    <input id="unit" name="unit" maxlength="20" value="{{UNIT_CODE}}">
    <button type="submit">Tính hạn</button>
  </form>
</section>
