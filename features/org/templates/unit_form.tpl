{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="/units">← Danh sách đơn vị</a></p>
  <h1>{{TITLE}}</h1>
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{#IS_NEW}}<div class="field{{#CODE_INVALID}} field-invalid{{/CODE_INVALID}}">
      <label for="code">Mã đơn vị</label>
      <p class="hint" id="code-hint">Mã theo danh mục đơn vị hành chính của Tổng cục Thống kê, ví dụ 25270.</p>
      {{#CODE_INVALID}}<p class="field-error" id="code-error"><span class="visually-hidden">Lỗi: </span>{{CODE_ERROR}}</p>{{/CODE_INVALID}}
      <input class="w5" id="code" name="code" maxlength="20" value="{{CODE}}" autocomplete="off" aria-describedby="code-hint{{#CODE_INVALID}} code-error{{/CODE_INVALID}}"{{#CODE_INVALID}} aria-invalid="true"{{/CODE_INVALID}}>
    </div>{{/IS_NEW}}
    {{#IS_EDIT}}<p>Mã đơn vị: <strong>{{CODE}}</strong> <small>(không đổi được)</small></p>{{/IS_EDIT}}
    <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
      <label for="name">Tên đơn vị</label>
      <p class="hint" id="name-hint">Ví dụ: Xã Tân Hưng.</p>
      {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
      <input id="name" name="name" maxlength="200" value="{{NAME}}" aria-describedby="name-hint{{#NAME_INVALID}} name-error{{/NAME_INVALID}}"{{#NAME_INVALID}} aria-invalid="true"{{/NAME_INVALID}}>
    </div>
    <div class="field{{#LEVEL_INVALID}} field-invalid{{/LEVEL_INVALID}}">
      <label for="level">Cấp</label>
      {{#LEVEL_INVALID}}<p class="field-error" id="level-error"><span class="visually-hidden">Lỗi: </span>{{LEVEL_ERROR}}</p>{{/LEVEL_INVALID}}
      <select id="level" name="level"{{#LEVEL_INVALID}} aria-invalid="true" aria-describedby="level-error"{{/LEVEL_INVALID}}>{{#LEVEL}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/LEVEL}}</select>
    </div>
    <div class="field{{#PARENT_CODE_INVALID}} field-invalid{{/PARENT_CODE_INVALID}}">
      <label for="parent_code">Trực thuộc</label>
      <p class="hint" id="parent_code-hint">Đơn vị cấp trên trực tiếp. Chỉ đơn vị cấp tỉnh không có cấp trên.</p>
      {{#PARENT_CODE_INVALID}}<p class="field-error" id="parent_code-error"><span class="visually-hidden">Lỗi: </span>{{PARENT_CODE_ERROR}}</p>{{/PARENT_CODE_INVALID}}
      <select id="parent_code" name="parent_code" aria-describedby="parent_code-hint{{#PARENT_CODE_INVALID}} parent_code-error{{/PARENT_CODE_INVALID}}"{{#PARENT_CODE_INVALID}} aria-invalid="true"{{/PARENT_CODE_INVALID}}>{{#CAN_BE_ROOT}}<option value="">Không có (đơn vị cấp tỉnh)</option>{{/CAN_BE_ROOT}}{{#PARENT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/PARENT}}</select>
    </div>
    {{>VALID_FROM_DATE}}
    {{>VALID_TO_DATE}}
    <div class="field{{#SUCCESSOR_CODE_INVALID}} field-invalid{{/SUCCESSOR_CODE_INVALID}}">
      <label for="successor_code">Sáp nhập vào</label>
      <p class="hint" id="successor_code-hint">Chỉ chọn khi đơn vị đã có ngày hết hiệu lực.</p>
      {{#SUCCESSOR_CODE_INVALID}}<p class="field-error" id="successor_code-error"><span class="visually-hidden">Lỗi: </span>{{SUCCESSOR_CODE_ERROR}}</p>{{/SUCCESSOR_CODE_INVALID}}
      <select id="successor_code" name="successor_code" aria-describedby="successor_code-hint{{#SUCCESSOR_CODE_INVALID}} successor_code-error{{/SUCCESSOR_CODE_INVALID}}"{{#SUCCESSOR_CODE_INVALID}} aria-invalid="true"{{/SUCCESSOR_CODE_INVALID}}><option value="">Không</option>{{#SUCCESSOR}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/SUCCESSOR}}</select>
    </div>
    <div class="actions">
      <button type="submit">{{#IS_NEW}}Thêm đơn vị{{/IS_NEW}}{{#IS_EDIT}}Lưu thay đổi{{/IS_EDIT}}</button>
      <a class="button secondary" href="{{CANCEL}}">Hủy</a>
    </div>
  </form>
</section>
