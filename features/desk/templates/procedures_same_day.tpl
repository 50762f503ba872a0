{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="/desk/procedures/{{ID}}">← {{NAME}}</a></p>
  <h1>Giải quyết trong ngày</h1>
  <p>Thủ tục <strong>{{NAME}}</strong> <small>({{CODE}})</small>, thời hạn theo quy định: {{LIMIT}}.</p>
  <p>Khi một đơn vị đăng ký, hồ sơ của thủ tục này tiếp nhận tại đơn vị đó được hẹn trả trong ngày; hồ sơ nhận sau giờ
     tiếp nhận muộn nhất được hẹn trả trong ngày làm việc tiếp theo.</p>
  {{#ALWAYS_SAME_DAY}}<p class="notice">Thủ tục này vốn được giải quyết trong ngày ở mọi đơn vị.</p>{{/ALWAYS_SAME_DAY}}
  <h2>Đơn vị đã đăng ký</h2>
  {{#NO_SAME_DAY}}<p>Chưa có đơn vị nào đăng ký.</p>{{/NO_SAME_DAY}}
  {{#HAS_SAME_DAY}}<ul>{{#SAME_DAY_UNIT}}<li>{{NAME}} <small>({{CODE}})</small></li>{{/SAME_DAY_UNIT}}</ul>{{/HAS_SAME_DAY}}
  <form method="post" action="/desk/procedures/{{ID}}/same-day" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#UNIT_CODE_INVALID}} field-invalid{{/UNIT_CODE_INVALID}}">
      <label for="unit_code">Đơn vị</label>
      <p class="hint" id="unit_code-hint">Đơn vị bạn quản lý, nơi thủ tục này áp dụng.</p>
      {{#UNIT_CODE_INVALID}}<p class="field-error" id="unit_code-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_CODE_ERROR}}</p>{{/UNIT_CODE_INVALID}}
      <select id="unit_code" name="unit_code" aria-describedby="unit_code-hint{{#UNIT_CODE_INVALID}} unit_code-error{{/UNIT_CODE_INVALID}}"{{#UNIT_CODE_INVALID}} aria-invalid="true"{{/UNIT_CODE_INVALID}}>{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    </div>
    <div class="actions">
      <button type="submit" name="on" value="1">Đăng ký giải quyết trong ngày</button>
      <button type="submit" name="on" value="0" class="secondary">Rút đăng ký</button>
      <a class="button secondary" href="/desk/procedures/{{ID}}">Hủy</a>
    </div>
  </form>
</section>
