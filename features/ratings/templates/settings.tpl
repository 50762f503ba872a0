{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="/desk/ratings">← Đánh giá của người dân</a></p>
  <h1>Cài đặt đánh giá</h1>
  <p class="lead">Thang đánh giá trên máy tính bảng, trang đánh giá qua mã QR và đường dẫn gửi người dân. Đơn vị cấp dưới chưa cài đặt riêng thì dùng cài đặt này.</p>
  <form method="get" action="/desk/ratings/settings" class="stats-filters" novalidate>
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <button type="submit">Xem</button>
  </form>
  {{#READ_ONLY}}<p class="hint">Chỉ lãnh đạo hoặc quản trị viên của đơn vị thay đổi được cài đặt đánh giá.</p>
  <dl class="summary" id="settings-view">
    <div><dt>Thang đánh giá</dt><dd>{{SCALE_TEXT}}</dd></div>
    <div><dt>Máy tính bảng trở về màn hình chờ sau</dt><dd>{{RESET_SECONDS}} giây</dd></div>
    <div><dt>Đường dẫn đánh giá gửi người dân có hiệu lực</dt><dd>{{LINK_DAYS}} ngày</dd></div>
  </dl>{{/READ_ONLY}}
  {{#CAN_SAVE}}<form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <fieldset class="field{{#SCALE_INVALID}} field-invalid{{/SCALE_INVALID}}" id="scale"{{#SCALE_INVALID}} aria-describedby="scale-error"{{/SCALE_INVALID}}>
      <legend>Thang đánh giá</legend>
      {{#SCALE_INVALID}}<p class="field-error" id="scale-error"><span class="visually-hidden">Lỗi: </span>{{SCALE_ERROR}}</p>{{/SCALE_INVALID}}
      {{#SCALE_OPTION}}<label><input type="radio" name="scale" value="{{VALUE}}" {{CHECKED}}> {{LABEL}}</label>{{/SCALE_OPTION}}
    </fieldset>
    <div class="field{{#RESET_SECONDS_INVALID}} field-invalid{{/RESET_SECONDS_INVALID}}">
      <label for="reset_seconds">Máy tính bảng trở về màn hình chờ sau (giây)</label>
      <p class="hint" id="reset_seconds-hint">Từ 5 đến 600 giây. Màn hình chờ không bao giờ hiện câu trả lời của người trước.</p>
      {{#RESET_SECONDS_INVALID}}<p class="field-error" id="reset_seconds-error"><span class="visually-hidden">Lỗi: </span>{{RESET_SECONDS_ERROR}}</p>{{/RESET_SECONDS_INVALID}}
      <input class="w4" id="reset_seconds" name="reset_seconds" inputmode="numeric" maxlength="3" autocomplete="off" value="{{RESET_SECONDS}}" aria-describedby="reset_seconds-hint{{#RESET_SECONDS_INVALID}} reset_seconds-error{{/RESET_SECONDS_INVALID}}"{{#RESET_SECONDS_INVALID}} aria-invalid="true"{{/RESET_SECONDS_INVALID}}>
    </div>
    <div class="field{{#LINK_DAYS_INVALID}} field-invalid{{/LINK_DAYS_INVALID}}">
      <label for="link_days">Đường dẫn đánh giá gửi người dân có hiệu lực (ngày)</label>
      <p class="hint" id="link_days-hint">Từ 1 đến 365 ngày, tính từ khi tin nhắn “có kết quả” được gửi.</p>
      {{#LINK_DAYS_INVALID}}<p class="field-error" id="link_days-error"><span class="visually-hidden">Lỗi: </span>{{LINK_DAYS_ERROR}}</p>{{/LINK_DAYS_INVALID}}
      <input class="w4" id="link_days" name="link_days" inputmode="numeric" maxlength="3" autocomplete="off" value="{{LINK_DAYS}}" aria-describedby="link_days-hint{{#LINK_DAYS_INVALID}} link_days-error{{/LINK_DAYS_INVALID}}"{{#LINK_DAYS_INVALID}} aria-invalid="true"{{/LINK_DAYS_INVALID}}>
    </div>
    <button type="submit">Lưu</button>
  </form>{{/CAN_SAVE}}
</section>
