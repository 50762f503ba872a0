{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/thu">← Sổ theo dõi thư</a></p>
  <h1>Thủ tục nào tự lập thư nào</h1>
  <p class="lead">Khi hồ sơ của một thủ tục dưới đây được tiếp nhận hoặc trả kết quả ở bộ phận một cửa, hệ thống tự lập bản nháp thư tương ứng. Thủ tục nhận theo mã thủ tục quốc gia. Mặc định áp dụng cho mọi đơn vị; một đơn vị có thể đặt riêng cho mình và các đơn vị trực thuộc (đặt riêng của đơn vị gần nhất được dùng). Thư xin lỗi do mẫu số 04 ở bộ phận một cửa lập, không theo bảng này.</p>
  <form method="get" action="/thu/thu-tuc" class="stats-filters" novalidate>
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <button type="submit">Xem</button>
  </form>
  <h2 id="rules-heading">{{HEADING}}</h2>
  {{#NO_RULES}}<p>Chưa có thủ tục nào tự lập thư.</p>{{/NO_RULES}}
  {{#HAS_RULES}}<div class="table-wrap" role="region" aria-labelledby="rules-heading" tabindex="0"><table class="stack" id="rules" aria-labelledby="rules-heading">
    <thead><tr><th scope="col">Mã thủ tục</th><th scope="col">Thư tự lập</th><th scope="col">Theo</th><th scope="col">Mặc định</th><th scope="col">Thao tác</th></tr></thead>
    <tbody>{{#RULE}}<tr><th scope="row">{{CODE}}</th><td data-label="Thư tự lập">{{TYPE}}</td><td data-label="Theo">{{SOURCE}}</td><td data-label="Mặc định">{{DEFAULT}}</td><td data-label="Thao tác">{{#CAN_REMOVE}}<a href="{{REMOVE_URL}}">Bỏ đặt riêng<span class="visually-hidden"> của thủ tục {{CODE}}</span></a>{{/CAN_REMOVE}}{{#NO_ACTION}}—{{/NO_ACTION}}</td></tr>{{/RULE}}</tbody>
  </table></div>{{/HAS_RULES}}
  {{#READ_ONLY}}<p class="hint">Chỉ lãnh đạo hoặc quản trị viên của đơn vị đặt riêng được.</p>{{/READ_ONLY}}
  {{#CAN_SAVE}}<h2 id="set-heading">Đặt riêng cho {{UNIT_NAME}}</h2>
  <form method="post" action="{{ACTION}}" novalidate aria-labelledby="set-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#PROCEDURE_CODE_INVALID}} field-invalid{{/PROCEDURE_CODE_INVALID}}">
      <label for="procedure_code">Mã thủ tục quốc gia</label>
      <p class="hint" id="procedure_code-hint">Ví dụ 1.001193 (đăng ký khai sinh). Xem mã ở trang thủ tục của bộ phận một cửa.</p>
      {{#PROCEDURE_CODE_INVALID}}<p class="field-error" id="procedure_code-error"><span class="visually-hidden">Lỗi: </span>{{PROCEDURE_CODE_ERROR}}</p>{{/PROCEDURE_CODE_INVALID}}
      <input id="procedure_code" name="procedure_code" maxlength="40" value="{{CODE_VALUE}}" autocomplete="off" aria-describedby="procedure_code-hint{{#PROCEDURE_CODE_INVALID}} procedure_code-error{{/PROCEDURE_CODE_INVALID}}"{{#PROCEDURE_CODE_INVALID}} aria-invalid="true"{{/PROCEDURE_CODE_INVALID}}>
    </div>
    <div class="field{{#TYPE_INVALID}} field-invalid{{/TYPE_INVALID}}">
      <label for="type">Thư tự lập</label>
      {{#TYPE_INVALID}}<p class="field-error" id="type-error"><span class="visually-hidden">Lỗi: </span>{{TYPE_ERROR}}</p>{{/TYPE_INVALID}}
      <select id="type" name="type"{{#TYPE_INVALID}} aria-invalid="true" aria-describedby="type-error"{{/TYPE_INVALID}}><option value="">Chọn loại thư</option>{{#RULE_TYPE_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/RULE_TYPE_OPTION}}</select>
    </div>
    <button type="submit">Lưu đặt riêng</button>
  </form>{{/CAN_SAVE}}
</section>
