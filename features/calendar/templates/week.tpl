{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Giờ làm việc của {{UNIT_NAME}}</h1>
  <p><a href="/units/{{UNIT_URL}}">← Thông tin đơn vị</a> · <a href="/calendar?unit={{UNIT_URL}}">Lịch năm của đơn vị</a></p>
  {{#HAS_MESSAGE}}<div class="notice" role="status">{{MESSAGE}}</div>{{/HAS_MESSAGE}}
  {{#HAS_ERROR}}<div class="alert" role="alert" data-field="{{ERROR_FIELD}}">{{ERROR}}</div>{{/HAS_ERROR}}
  <p class="source">{{#DEFAULTS}}Đơn vị đang dùng giờ làm việc mặc định.{{/DEFAULTS}}{{#OWN}}Đơn vị có thiết lập riêng.{{/OWN}}{{#INHERITED}}Đơn vị dùng thiết lập của đơn vị cấp trên {{FROM}}.{{/INHERITED}}</p>
  <form method="post" action="/calendar/work-week/{{UNIT_URL}}">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="sessions">Các buổi làm việc</label>
    <input id="sessions" name="sessions" required maxlength="100" value="{{SESSIONS}}" aria-describedby="sessions-hint">
    <p class="hint" id="sessions-hint">Ví dụ: 07:30-11:30,13:30-17:00</p>
    <fieldset>
      <legend>Ngày nghỉ hằng tuần</legend>
      {{#REST_DAY}}<label class="check"><input type="checkbox" name="rest_{{VALUE}}" value="1" {{CHECKED}}> {{LABEL}}</label>{{/REST_DAY}}
    </fieldset>
    <label for="hours_per_day">Số giờ của một ngày làm việc (thời hạn tính bằng giờ)</label>
    <input id="hours_per_day" name="hours_per_day" inputmode="numeric" required maxlength="2" value="{{HOURS}}">
    <label class="check"><input type="checkbox" name="no_friday_rule" value="1" {{NO_FRIDAY_CHECKED}}> Không hẹn thứ Sáu sang tuần sau: hồ sơ giải quyết trong ngày nhận vào ngày làm việc cuối tuần được trả ngay trong ngày</label>
    <div class="actions">
      <button type="submit" name="action" value="save">Lưu</button>
      <button type="submit" name="action" value="inherit" class="secondary">Dùng thiết lập của đơn vị cấp trên</button>
    </div>
  </form>
</section>
