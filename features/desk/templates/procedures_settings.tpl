{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Mã hồ sơ của đơn vị</h1>
  <p>Mỗi hồ sơ tiếp nhận có một mã gồm ba phần nối bằng dấu gạch ngang: mã định danh điện tử của cơ quan giải quyết,
     ngày tiếp nhận (hai số cuối của năm, tháng, ngày) và số thứ tự trong ngày (ít nhất 4 chữ số), ví dụ
     <code>000.27.01.H75-260317-0042</code>. Đơn vị chưa đặt mã định danh thì dùng mã đơn vị.</p>
  <form method="get" action="/desk/settings" class="inline" novalidate>
    <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Đơn vị</label>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <select id="unit" name="unit"{{#UNIT_INVALID}} aria-invalid="true" aria-describedby="unit-error"{{/UNIT_INVALID}}>{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    </div>
    <button type="submit" class="secondary">Xem</button>
  </form>
  {{#SETTINGS}}
  <h2>{{UNIT_NAME}} <small>({{UNIT_CODE}})</small></h2>
  <dl class="summary">
    <div><dt>Mã định danh cơ quan</dt><dd>{{#HAS_AGENCY_CODE}}<code>{{CURRENT_AGENCY_CODE}}</code>{{/HAS_AGENCY_CODE}}{{#NO_AGENCY_CODE}}Chưa đặt: mã hồ sơ bắt đầu bằng mã đơn vị {{UNIT_CODE}}{{/NO_AGENCY_CODE}}</dd></div>
    <div><dt>Mã hồ sơ tiếp theo hôm nay</dt><dd><code id="next-code">{{NEXT_CODE}}</code></dd></div>
  </dl>
  {{#CAN_EDIT}}<form method="post" action="/desk/settings?unit={{UNIT_URL}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#AGENCY_CODE_INVALID}} field-invalid{{/AGENCY_CODE_INVALID}}">
      <label for="agency_code">Mã định danh cơ quan</label>
      <p class="hint" id="agency_code-hint">Các nhóm chữ, số cách nhau bằng dấu chấm, ví dụ 000.27.01.H75. Chỉ áp dụng cho hồ sơ tiếp nhận từ nay; mã của hồ sơ đã có không đổi.</p>
      {{#AGENCY_CODE_INVALID}}<p class="field-error" id="agency_code-error"><span class="visually-hidden">Lỗi: </span>{{AGENCY_CODE_ERROR}}</p>{{/AGENCY_CODE_INVALID}}
      <input id="agency_code" name="agency_code" maxlength="40" autocomplete="off" spellcheck="false" value="{{AGENCY_CODE}}" required aria-describedby="agency_code-hint{{#AGENCY_CODE_INVALID}} agency_code-error{{/AGENCY_CODE_INVALID}}"{{#AGENCY_CODE_INVALID}} aria-invalid="true"{{/AGENCY_CODE_INVALID}}>
    </div>
    <button type="submit">Lưu mã định danh</button>
  </form>{{/CAN_EDIT}}
  {{#READ_ONLY}}<p>Chỉ quản trị viên của đơn vị mới đổi được mã định danh cơ quan.</p>{{/READ_ONLY}}
  {{/SETTINGS}}
</section>
