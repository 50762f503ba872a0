{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="/units/{{UNIT_URL}}">← Thông tin đơn vị</a></p>
  <h1>Giờ làm việc của {{UNIT_NAME}}</h1>
  <p><a href="/calendar?unit={{UNIT_URL}}">Lịch năm của đơn vị</a></p>
  <p class="source">{{#DEFAULTS}}Đơn vị đang dùng giờ làm việc mặc định.{{/DEFAULTS}}{{#OWN}}Đơn vị có thiết lập riêng.{{/OWN}}{{#INHERITED}}Đơn vị dùng thiết lập của đơn vị cấp trên: {{FROM}}.{{/INHERITED}}</p>
  {{#READ_ONLY}}<dl class="summary">
    <div><dt>Các buổi làm việc</dt><dd>{{SESSIONS}}</dd></div>
    <div><dt>Ngày nghỉ hằng tuần</dt><dd>{{REST_NAMES}}</dd></div>
    <div><dt>Số giờ của một ngày làm việc</dt><dd>{{HOURS}}</dd></div>
    <div><dt>Không hẹn thứ Sáu sang tuần sau</dt><dd>{{NO_FRIDAY}}</dd></div>
  </dl>
  <p class="hint">Chỉ quản trị viên của đơn vị mới thay đổi được giờ làm việc.</p>{{/READ_ONLY}}
  {{#CAN_EDIT}}<form method="post" action="/calendar/work-week/{{UNIT_URL}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#SESSIONS_INVALID}} field-invalid{{/SESSIONS_INVALID}}">
      <label for="sessions">Các buổi làm việc</label>
      <p class="hint" id="sessions-hint">Giờ bắt đầu-giờ kết thúc theo 24 giờ, các buổi cách nhau bằng dấu phẩy, ví dụ 07:30-11:30,13:30-17:00.</p>
      {{#SESSIONS_INVALID}}<p class="field-error" id="sessions-error"><span class="visually-hidden">Lỗi: </span>{{SESSIONS_ERROR}}</p>{{/SESSIONS_INVALID}}
      <input id="sessions" name="sessions" maxlength="100" value="{{SESSIONS}}" aria-describedby="sessions-hint{{#SESSIONS_INVALID}} sessions-error{{/SESSIONS_INVALID}}"{{#SESSIONS_INVALID}} aria-invalid="true"{{/SESSIONS_INVALID}}>
    </div>
    <div class="field{{#REST_DAYS_INVALID}} field-invalid{{/REST_DAYS_INVALID}}">
    <fieldset class="group" id="rest_days"{{#REST_DAYS_INVALID}} aria-describedby="rest_days-error"{{/REST_DAYS_INVALID}} tabindex="-1">
      <legend>Ngày nghỉ hằng tuần</legend>
      {{#REST_DAYS_INVALID}}<p class="field-error" id="rest_days-error"><span class="visually-hidden">Lỗi: </span>{{REST_DAYS_ERROR}}</p>{{/REST_DAYS_INVALID}}
      {{#REST_DAY}}<label class="check"><input type="checkbox" name="rest_{{VALUE}}" value="1" {{CHECKED}}> {{LABEL}}</label>{{/REST_DAY}}
    </fieldset>
    </div>
    <div class="field{{#HOURS_PER_DAY_INVALID}} field-invalid{{/HOURS_PER_DAY_INVALID}}">
      <label for="hours_per_day">Số giờ của một ngày làm việc</label>
      <p class="hint" id="hours_per_day-hint">Dùng khi thời hạn tính bằng giờ, ví dụ 8.</p>
      {{#HOURS_PER_DAY_INVALID}}<p class="field-error" id="hours_per_day-error"><span class="visually-hidden">Lỗi: </span>{{HOURS_PER_DAY_ERROR}}</p>{{/HOURS_PER_DAY_INVALID}}
      <input class="w4" id="hours_per_day" name="hours_per_day" inputmode="numeric" maxlength="2" value="{{HOURS}}" aria-describedby="hours_per_day-hint{{#HOURS_PER_DAY_INVALID}} hours_per_day-error{{/HOURS_PER_DAY_INVALID}}"{{#HOURS_PER_DAY_INVALID}} aria-invalid="true"{{/HOURS_PER_DAY_INVALID}}>
    </div>
    <div class="field">
      <label class="check"><input type="checkbox" name="no_friday_rule" value="1" {{NO_FRIDAY_CHECKED}}> Không hẹn thứ Sáu sang tuần sau: hồ sơ giải quyết trong ngày nhận vào ngày làm việc cuối tuần được trả ngay trong ngày</label>
    </div>
    <div class="actions">
      <button type="submit" name="action" value="save">Lưu giờ làm việc</button>
      <button type="submit" name="action" value="inherit" class="secondary">Dùng thiết lập của đơn vị cấp trên</button>
    </div>
  </form>{{/CAN_EDIT}}
</section>
