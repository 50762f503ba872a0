{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="{{CANCEL}}">← Quay lại</a></p>
  <h1>{{TITLE}}</h1>
  {{#CONFLICT}}<div class="alert"><p>Các mục bạn đã sửa nhưng chưa được lưu:</p>
    <ul>{{#CHANGED}}<li>{{LABEL}}</li>{{/CHANGED}}</ul></div>{{/CONFLICT}}
  {{#IS_EDIT}}<p class="hint">Lưu sẽ tạo phiên bản {{NEXT_VERSION}} của thủ tục. Hồ sơ đã tiếp nhận không thay đổi: chúng vẫn theo phiên bản của ngày tiếp nhận.</p>{{/IS_EDIT}}
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="document_rows" value="{{DOCUMENT_ROWS}}">
    <input type="hidden" name="step_rows" value="{{STEP_ROWS}}">
    {{#IS_EDIT}}<input type="hidden" name="version" value="{{VERSION}}">
    <p>Mã thủ tục: <strong>{{CODE}}</strong>; danh mục của {{UNIT_NAME}} <small>(không đổi được)</small></p>{{/IS_EDIT}}
    {{#IS_NEW}}<div class="field{{#UNIT_CODE_INVALID}} field-invalid{{/UNIT_CODE_INVALID}}">
      <label for="unit_code">Danh mục của đơn vị</label>
      <p class="hint" id="unit_code-hint">Thủ tục áp dụng tại đơn vị này và các đơn vị trực thuộc.</p>
      {{#UNIT_CODE_INVALID}}<p class="field-error" id="unit_code-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_CODE_ERROR}}</p>{{/UNIT_CODE_INVALID}}
      <select id="unit_code" name="unit_code" aria-describedby="unit_code-hint{{#UNIT_CODE_INVALID}} unit_code-error{{/UNIT_CODE_INVALID}}"{{#UNIT_CODE_INVALID}} aria-invalid="true"{{/UNIT_CODE_INVALID}}>{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    </div>
    <div class="field{{#CODE_INVALID}} field-invalid{{/CODE_INVALID}}">
      <label for="code">Mã thủ tục</label>
      <p class="hint" id="code-hint">Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001193. Không đổi được sau khi lưu.</p>
      {{#CODE_INVALID}}<p class="field-error" id="code-error"><span class="visually-hidden">Lỗi: </span>{{CODE_ERROR}}</p>{{/CODE_INVALID}}
      <input class="w10" id="code" name="code" maxlength="30" value="{{CODE}}" autocomplete="off" required aria-describedby="code-hint{{#CODE_INVALID}} code-error{{/CODE_INVALID}}"{{#CODE_INVALID}} aria-invalid="true"{{/CODE_INVALID}}>
    </div>{{/IS_NEW}}
    <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
      <label for="name">Tên thủ tục</label>
      <p class="hint" id="name-hint">Ví dụ: Đăng ký khai sinh.</p>
      {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
      <input id="name" name="name" maxlength="500" value="{{NAME}}" required aria-describedby="name-hint{{#NAME_INVALID}} name-error{{/NAME_INVALID}}"{{#NAME_INVALID}} aria-invalid="true"{{/NAME_INVALID}}>
    </div>
    <div class="field{{#FIELD_INVALID}} field-invalid{{/FIELD_INVALID}}">
      <label for="field">Lĩnh vực</label>
      <p class="hint" id="field-hint">Ví dụ: Hộ tịch.</p>
      {{#FIELD_INVALID}}<p class="field-error" id="field-error"><span class="visually-hidden">Lỗi: </span>{{FIELD_ERROR}}</p>{{/FIELD_INVALID}}
      <input id="field" name="field" maxlength="200" value="{{FIELD}}" required aria-describedby="field-hint{{#FIELD_INVALID}} field-error{{/FIELD_INVALID}}"{{#FIELD_INVALID}} aria-invalid="true"{{/FIELD_INVALID}}>
    </div>
    <div class="field{{#LEVEL_INVALID}} field-invalid{{/LEVEL_INVALID}}">
      <label for="level">Cấp thực hiện</label>
      {{#LEVEL_INVALID}}<p class="field-error" id="level-error"><span class="visually-hidden">Lỗi: </span>{{LEVEL_ERROR}}</p>{{/LEVEL_INVALID}}
      <select id="level" name="level"{{#LEVEL_INVALID}} aria-invalid="true" aria-describedby="level-error"{{/LEVEL_INVALID}}>{{#LEVEL}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/LEVEL}}</select>
    </div>

    <fieldset class="group">
      <legend>Thời hạn giải quyết</legend>
      <p class="hint" id="limit-hint">Tính theo ngày làm việc hoặc giờ làm việc (8 giờ là một ngày); thủ tục giải quyết trong ngày thì để trống số lượng.</p>
      <div class="parts">
        <div class="field{{#LIMIT_AMOUNT_INVALID}} field-invalid{{/LIMIT_AMOUNT_INVALID}}">
          <label for="limit_amount">Số ngày hoặc số giờ</label>
          {{#LIMIT_AMOUNT_INVALID}}<p class="field-error" id="limit_amount-error"><span class="visually-hidden">Lỗi: </span>{{LIMIT_AMOUNT_ERROR}}</p>{{/LIMIT_AMOUNT_INVALID}}
          <input class="w5" id="limit_amount" name="limit_amount" inputmode="numeric" maxlength="5" autocomplete="off" value="{{LIMIT_AMOUNT}}" aria-describedby="limit-hint{{#LIMIT_AMOUNT_INVALID}} limit_amount-error{{/LIMIT_AMOUNT_INVALID}}"{{#LIMIT_AMOUNT_INVALID}} aria-invalid="true"{{/LIMIT_AMOUNT_INVALID}}>
        </div>
        <div class="field{{#LIMIT_UNIT_INVALID}} field-invalid{{/LIMIT_UNIT_INVALID}}">
          <label for="limit_unit">Tính theo</label>
          {{#LIMIT_UNIT_INVALID}}<p class="field-error" id="limit_unit-error"><span class="visually-hidden">Lỗi: </span>{{LIMIT_UNIT_ERROR}}</p>{{/LIMIT_UNIT_INVALID}}
          <select id="limit_unit" name="limit_unit" aria-describedby="limit-hint{{#LIMIT_UNIT_INVALID}} limit_unit-error{{/LIMIT_UNIT_INVALID}}"{{#LIMIT_UNIT_INVALID}} aria-invalid="true"{{/LIMIT_UNIT_INVALID}}>{{#LIMIT_UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/LIMIT_UNIT}}</select>
        </div>
      </div>
    </fieldset>
    <div class="field{{#CUTOFF_INVALID}} field-invalid{{/CUTOFF_INVALID}}">
      <label for="cutoff">Giờ tiếp nhận muộn nhất</label>
      <p class="hint" id="cutoff-hint">Giờ:phút theo 24 giờ, ví dụ 15:00. Hồ sơ nhận sau giờ này được tính từ ngày làm việc tiếp theo.</p>
      {{#CUTOFF_INVALID}}<p class="field-error" id="cutoff-error"><span class="visually-hidden">Lỗi: </span>{{CUTOFF_ERROR}}</p>{{/CUTOFF_INVALID}}
      <input class="w5" id="cutoff" name="cutoff" maxlength="5" autocomplete="off" value="{{CUTOFF}}" aria-describedby="cutoff-hint{{#CUTOFF_INVALID}} cutoff-error{{/CUTOFF_INVALID}}"{{#CUTOFF_INVALID}} aria-invalid="true"{{/CUTOFF_INVALID}}>
    </div>
    <div class="field{{#ONLINE_LEVEL_INVALID}} field-invalid{{/ONLINE_LEVEL_INVALID}}">
      <label for="online_level">Dịch vụ công trực tuyến</label>
      {{#ONLINE_LEVEL_INVALID}}<p class="field-error" id="online_level-error"><span class="visually-hidden">Lỗi: </span>{{ONLINE_LEVEL_ERROR}}</p>{{/ONLINE_LEVEL_INVALID}}
      <select id="online_level" name="online_level"{{#ONLINE_LEVEL_INVALID}} aria-invalid="true" aria-describedby="online_level-error"{{/ONLINE_LEVEL_INVALID}}>{{#ONLINE_LEVEL}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/ONLINE_LEVEL}}</select>
    </div>
    <div class="field{{#FEES_INVALID}} field-invalid{{/FEES_INVALID}}">
      <label for="fees">Phí, lệ phí</label>
      <p class="hint" id="fees-hint">Ví dụ: 8.000 đồng/bản, hoặc Miễn lệ phí. Có thể để trống.</p>
      {{#FEES_INVALID}}<p class="field-error" id="fees-error"><span class="visually-hidden">Lỗi: </span>{{FEES_ERROR}}</p>{{/FEES_INVALID}}
      <input id="fees" name="fees" maxlength="500" value="{{FEES}}" aria-describedby="fees-hint{{#FEES_INVALID}} fees-error{{/FEES_INVALID}}"{{#FEES_INVALID}} aria-invalid="true"{{/FEES_INVALID}}>
    </div>
    <div class="field{{#RESULT_INVALID}} field-invalid{{/RESULT_INVALID}}">
      <label for="result">Kết quả</label>
      <p class="hint" id="result-hint">Giấy tờ người dân nhận được, ví dụ: Giấy khai sinh. Có thể để trống.</p>
      {{#RESULT_INVALID}}<p class="field-error" id="result-error"><span class="visually-hidden">Lỗi: </span>{{RESULT_ERROR}}</p>{{/RESULT_INVALID}}
      <input id="result" name="result" maxlength="500" value="{{RESULT}}" aria-describedby="result-hint{{#RESULT_INVALID}} result-error{{/RESULT_INVALID}}"{{#RESULT_INVALID}} aria-invalid="true"{{/RESULT_INVALID}}>
    </div>

    <fieldset class="group">
      <legend>Thành phần hồ sơ</legend>
      <p class="hint">Mỗi dòng một giấy tờ; dòng để trống được bỏ qua. Số lượng để trống là 1.</p>
      {{#DOCUMENT}}<fieldset class="item">
        <legend>Giấy tờ {{N}}</legend>
        <div class="field{{#ROW_NAME_INVALID}} field-invalid{{/ROW_NAME_INVALID}}">
          <label for="{{ID}}-name">Tên giấy tờ <span class="visually-hidden">thứ {{N}}</span></label>
          {{#ROW_NAME_INVALID}}<p class="field-error" id="{{ID}}-name-error"><span class="visually-hidden">Lỗi: </span>{{ROW_NAME_ERROR}}</p>{{/ROW_NAME_INVALID}}
          <input id="{{ID}}-name" name="documents[{{I}}].name" maxlength="300" value="{{NAME}}"{{#ROW_NAME_INVALID}} aria-invalid="true" aria-describedby="{{ID}}-name-error"{{/ROW_NAME_INVALID}}>
        </div>
        <div class="parts">
          <div class="field{{#ROW_KIND_INVALID}} field-invalid{{/ROW_KIND_INVALID}}">
            <label for="{{ID}}-kind">Loại bản <span class="visually-hidden">của giấy tờ {{N}}</span></label>
            {{#ROW_KIND_INVALID}}<p class="field-error" id="{{ID}}-kind-error"><span class="visually-hidden">Lỗi: </span>{{ROW_KIND_ERROR}}</p>{{/ROW_KIND_INVALID}}
            <select id="{{ID}}-kind" name="documents[{{I}}].kind"{{#ROW_KIND_INVALID}} aria-invalid="true" aria-describedby="{{ID}}-kind-error"{{/ROW_KIND_INVALID}}>{{#KIND}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>
          </div>
          <div class="field{{#ROW_COUNT_INVALID}} field-invalid{{/ROW_COUNT_INVALID}}">
            <label for="{{ID}}-count">Số lượng <span class="visually-hidden">của giấy tờ {{N}}</span></label>
            {{#ROW_COUNT_INVALID}}<p class="field-error" id="{{ID}}-count-error"><span class="visually-hidden">Lỗi: </span>{{ROW_COUNT_ERROR}}</p>{{/ROW_COUNT_INVALID}}
            <input class="w5" id="{{ID}}-count" name="documents[{{I}}].count" inputmode="numeric" maxlength="3" autocomplete="off" value="{{COUNT}}"{{#ROW_COUNT_INVALID}} aria-invalid="true" aria-describedby="{{ID}}-count-error"{{/ROW_COUNT_INVALID}}>
          </div>
        </div>
      </fieldset>{{/DOCUMENT}}
      {{#DOCUMENTS_FULL}}<p class="hint">Đã đủ 50 dòng, số giấy tờ tối đa của một thủ tục.</p>{{/DOCUMENTS_FULL}}
    </fieldset>

    <fieldset class="group">
      <legend>Quy trình xử lý</legend>
      <p class="hint">Mỗi dòng một bước, theo thứ tự; dòng để trống được bỏ qua. Thời gian tính theo giờ làm việc hoặc ngày làm việc (8 giờ).</p>
      {{#STEP}}<fieldset class="item">
        <legend>Bước {{N}}</legend>
        <div class="field{{#ROW_NAME_INVALID}} field-invalid{{/ROW_NAME_INVALID}}">
          <label for="{{ID}}-name">Tên bước <span class="visually-hidden">thứ {{N}}</span></label>
          {{#ROW_NAME_INVALID}}<p class="field-error" id="{{ID}}-name-error"><span class="visually-hidden">Lỗi: </span>{{ROW_NAME_ERROR}}</p>{{/ROW_NAME_INVALID}}
          <input id="{{ID}}-name" name="steps[{{I}}].name" maxlength="200" value="{{NAME}}"{{#ROW_NAME_INVALID}} aria-invalid="true" aria-describedby="{{ID}}-name-error"{{/ROW_NAME_INVALID}}>
        </div>
        <div class="field{{#ROW_HANDLER_INVALID}} field-invalid{{/ROW_HANDLER_INVALID}}">
          <label for="{{ID}}-handler">Người, bộ phận thực hiện <span class="visually-hidden">bước {{N}}</span></label>
          {{#ROW_HANDLER_INVALID}}<p class="field-error" id="{{ID}}-handler-error"><span class="visually-hidden">Lỗi: </span>{{ROW_HANDLER_ERROR}}</p>{{/ROW_HANDLER_INVALID}}
          <input id="{{ID}}-handler" name="steps[{{I}}].handler" maxlength="200" value="{{HANDLER}}"{{#ROW_HANDLER_INVALID}} aria-invalid="true" aria-describedby="{{ID}}-handler-error"{{/ROW_HANDLER_INVALID}}>
        </div>
        <div class="parts">
          <div class="field{{#ROW_HOURS_INVALID}} field-invalid{{/ROW_HOURS_INVALID}}">
            <label for="{{ID}}-hours">Thời gian <span class="visually-hidden">của bước {{N}}</span></label>
            {{#ROW_HOURS_INVALID}}<p class="field-error" id="{{ID}}-hours-error"><span class="visually-hidden">Lỗi: </span>{{ROW_HOURS_ERROR}}</p>{{/ROW_HOURS_INVALID}}
            <input class="w5" id="{{ID}}-hours" name="steps[{{I}}].hours" inputmode="numeric" maxlength="5" autocomplete="off" value="{{HOURS}}"{{#ROW_HOURS_INVALID}} aria-invalid="true" aria-describedby="{{ID}}-hours-error"{{/ROW_HOURS_INVALID}}>
          </div>
          <div class="field">
            <label for="{{ID}}-hours_unit">Tính theo <span class="visually-hidden">(bước {{N}})</span></label>
            <select id="{{ID}}-hours_unit" name="steps[{{I}}].hours_unit">{{#HOURS_UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/HOURS_UNIT}}</select>
          </div>
        </div>
      </fieldset>{{/STEP}}
      {{#STEPS_FULL}}<p class="hint">Đã đủ 20 dòng, số bước tối đa của một thủ tục.</p>{{/STEPS_FULL}}
    </fieldset>

    <div class="field{{#LEGAL_BASIS_INVALID}} field-invalid{{/LEGAL_BASIS_INVALID}}">
      <label for="legal_basis">Căn cứ pháp lý</label>
      <p class="hint" id="legal_basis-hint">Mỗi văn bản một dòng, ví dụ: Luật Hộ tịch năm 2014. Có thể để trống.</p>
      {{#LEGAL_BASIS_INVALID}}<p class="field-error" id="legal_basis-error"><span class="visually-hidden">Lỗi: </span>{{LEGAL_BASIS_ERROR}}</p>{{/LEGAL_BASIS_INVALID}}
      <textarea id="legal_basis" name="legal_basis" rows="4" maxlength="2000" aria-describedby="legal_basis-hint{{#LEGAL_BASIS_INVALID}} legal_basis-error{{/LEGAL_BASIS_INVALID}}"{{#LEGAL_BASIS_INVALID}} aria-invalid="true"{{/LEGAL_BASIS_INVALID}}>{{LEGAL_BASIS:pre_escape}}</textarea>
    </div>
    {{>VALID_FROM_DATE}}
    {{>VALID_TO_DATE}}
    <div class="actions">
      <button type="submit">{{#IS_NEW}}Lưu thủ tục{{/IS_NEW}}{{#IS_EDIT}}Lưu phiên bản mới{{/IS_EDIT}}</button>
      {{#CAN_ADD_DOCUMENTS}}<button type="submit" name="more" value="documents" class="secondary">Thêm dòng giấy tờ</button>{{/CAN_ADD_DOCUMENTS}}
      {{#CAN_ADD_STEPS}}<button type="submit" name="more" value="steps" class="secondary">Thêm dòng bước xử lý</button>{{/CAN_ADD_STEPS}}
      <a class="button secondary" href="{{CANCEL}}">Hủy</a>
    </div>
  </form>
</section>
