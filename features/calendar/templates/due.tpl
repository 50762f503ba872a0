{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="/calendar">← Lịch làm việc</a></p>
  <h1>Tính hạn giải quyết</h1>
  <p class="lead">Thời hạn tính theo ngày, giờ làm việc; không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết và ngày nghỉ do Chính phủ quyết định. Hồ sơ nhận sau giờ chốt được tính từ ngày làm việc tiếp theo.</p>
  {{#HAS_RESULT}}<div class="notice result" role="status">
    <p>Hạn giải quyết: <strong id="due-at" data-iso="{{DUE_ISO}}">{{DUE}}</strong></p>
    <p>Bắt đầu tính: {{STARTS}}.</p>
    <p>Nếu có thể trễ hạn, gửi văn bản xin lỗi và hẹn lại chậm nhất: {{WARNING}} (một ngày làm việc trước hạn).</p>
    <p class="hint">Giờ làm việc: {{SESSIONS}}{{#HAS_FROM}} (theo thiết lập của {{FROM}}){{/HAS_FROM}}.</p>
  </div>{{/HAS_RESULT}}
  <form method="get" action="/calendar/due" novalidate>
    {{>DATE_INPUT}}
    <div class="field{{#TIME_INVALID}} field-invalid{{/TIME_INVALID}}">
      <label for="time">Giờ tiếp nhận</label>
      <p class="hint" id="time-hint">Giờ:phút theo 24 giờ, ví dụ 14:30.</p>
      {{#TIME_INVALID}}<p class="field-error" id="time-error"><span class="visually-hidden">Lỗi: </span>{{TIME_ERROR}}</p>{{/TIME_INVALID}}
      <input class="w5" id="time" name="time" inputmode="numeric" maxlength="5" autocomplete="off" value="{{TIME}}" aria-describedby="time-hint{{#TIME_INVALID}} time-error{{/TIME_INVALID}}"{{#TIME_INVALID}} aria-invalid="true"{{/TIME_INVALID}}>
    </div>
    <div class="field{{#AMOUNT_INVALID}} field-invalid{{/AMOUNT_INVALID}}">
      <label for="amount">Thời hạn</label>
      <p class="hint" id="amount-hint">Số ngày hoặc số giờ làm việc theo quy định của thủ tục, ví dụ 3.</p>
      {{#AMOUNT_INVALID}}<p class="field-error" id="amount-error"><span class="visually-hidden">Lỗi: </span>{{AMOUNT_ERROR}}</p>{{/AMOUNT_INVALID}}
      <input class="w5" id="amount" name="amount" inputmode="numeric" maxlength="5" value="{{AMOUNT}}" aria-describedby="amount-hint{{#AMOUNT_INVALID}} amount-error{{/AMOUNT_INVALID}}"{{#AMOUNT_INVALID}} aria-invalid="true"{{/AMOUNT_INVALID}}>
    </div>
    <div class="field">
      <label for="limit_unit">Tính theo</label>
      <select id="limit_unit" name="limit_unit">{{#LIMIT_UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/LIMIT_UNIT}}</select>
    </div>
    <div class="field{{#CUTOFF_INVALID}} field-invalid{{/CUTOFF_INVALID}}">
      <label for="cutoff">Giờ chốt nhận hồ sơ</label>
      <p class="hint" id="cutoff-hint">Hồ sơ nhận sau giờ này tính từ ngày làm việc tiếp theo, ví dụ 15:00.</p>
      {{#CUTOFF_INVALID}}<p class="field-error" id="cutoff-error"><span class="visually-hidden">Lỗi: </span>{{CUTOFF_ERROR}}</p>{{/CUTOFF_INVALID}}
      <input class="w5" id="cutoff" name="cutoff" inputmode="numeric" maxlength="5" autocomplete="off" value="{{CUTOFF}}" aria-describedby="cutoff-hint{{#CUTOFF_INVALID}} cutoff-error{{/CUTOFF_INVALID}}"{{#CUTOFF_INVALID}} aria-invalid="true"{{/CUTOFF_INVALID}}>
    </div>
    <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Mã đơn vị (không bắt buộc)</label>
      <p class="hint" id="unit-hint">Để dùng giờ làm việc riêng của một xã, phường, ví dụ 25270.</p>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <input class="w5" id="unit" name="unit" maxlength="20" value="{{UNIT_CODE}}" aria-describedby="unit-hint{{#UNIT_INVALID}} unit-error{{/UNIT_INVALID}}"{{#UNIT_INVALID}} aria-invalid="true"{{/UNIT_INVALID}}>
      <p class="choose-place"><a href="/xa?cho=han">Chọn xã, phường theo tên</a></p>
    </div>
    <button type="submit">Tính hạn</button>
  </form>
</section>
