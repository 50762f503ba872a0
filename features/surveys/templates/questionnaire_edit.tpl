{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="{{CANCEL}}">← Quay lại</a></p>
  <h1>{{HEADING}}</h1>
  <p class="lead">{{#IS_NEW}}Lưu sẽ tạo phiên bản 1 của bộ câu hỏi.{{/IS_NEW}}{{#IS_EDIT}}Bắt đầu từ phiên bản {{FROM_VERSION}}. Lưu sẽ tạo một phiên bản mới; các phiên bản đã có, và các đợt khảo sát dùng chúng, giữ nguyên.{{/IS_EDIT}} Các nút Thêm, Xóa, Lên, Xuống chỉ thay đổi trang này; chưa có gì được lưu cho đến khi bấm “Lưu phiên bản mới”.</p>
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{! The first button of the form: Enter in a field saves (the browser presses the first one). }}
    <button type="submit" name="op" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true">Lưu phiên bản mới</button>
    {{#IS_NEW}}<div class="field">
      <label for="unit">Đơn vị sở hữu</label>
      <p class="hint" id="unit-hint">Bộ câu hỏi dùng được ở đơn vị này và các đơn vị trực thuộc.</p>
      <select id="unit" name="unit" aria-describedby="unit-hint">{{#UNIT}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/UNIT}}</select>
    </div>
    <div class="field{{#CODE_INVALID}} field-invalid{{/CODE_INVALID}}">
      <label for="code">Mã bộ câu hỏi</label>
      <p class="hint" id="code-hint">Chữ thường không dấu, chữ số, dấu gạch ngang hoặc gạch dưới, tối đa 40 ký tự, ví dụ khao-sat-mot-cua-2026. Mỗi lần lưu lại cùng mã là một phiên bản mới.</p>
      {{#CODE_INVALID}}<p class="field-error" id="code-error"><span class="visually-hidden">Lỗi: </span>{{CODE_ERROR}}</p>{{/CODE_INVALID}}
      <input id="code" name="code" maxlength="40" autocomplete="off" spellcheck="false" value="{{CODE}}" aria-describedby="code-hint{{#CODE_INVALID}} code-error{{/CODE_INVALID}}"{{#CODE_INVALID}} aria-invalid="true"{{/CODE_INVALID}}>
    </div>{{/IS_NEW}}
    {{#IS_EDIT}}<p>Mã bộ câu hỏi: <code>{{CODE}}</code>; của {{UNIT_NAME}} <small>(không đổi được)</small></p>{{/IS_EDIT}}
    <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
      <label for="name">Tên bộ câu hỏi</label>
      <p class="hint" id="name-hint">Người dân thấy tên này trên phiếu, ví dụ: Khảo sát sự hài lòng tại Bộ phận Một cửa.</p>
      {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
      <input id="name" name="name" maxlength="200" value="{{NAME}}" aria-describedby="name-hint{{#NAME_INVALID}} name-error{{/NAME_INVALID}}"{{#NAME_INVALID}} aria-invalid="true"{{/NAME_INVALID}}>
    </div>
    <div id="sections" tabindex="-1" class="{{#SECTIONS_INVALID}}field-invalid{{/SECTIONS_INVALID}}">
      {{#SECTIONS_INVALID}}<p class="field-error" id="sections-error"><span class="visually-hidden">Lỗi: </span>{{SECTIONS_ERROR}}</p>{{/SECTIONS_INVALID}}
      <p class="hint">Tối đa {{MAX_SECTIONS}} phần và {{MAX_QUESTIONS}} câu hỏi. Mã câu hỏi (q1, q2…) do hệ thống đặt theo thứ tự; câu hỏi chép từ phiên bản trước giữ mã của nó.</p>
      {{#SECTION}}<fieldset class="group questionnaire-section" id="{{ID}}">
        <legend>Phần {{SN}}</legend>
        <div class="field{{#SEC_TITLE_INVALID}} field-invalid{{/SEC_TITLE_INVALID}}">
          <label for="{{ID}}-title">Tên phần <span class="visually-hidden">{{SN}}</span></label>
          {{#SEC_TITLE_INVALID}}<p class="field-error" id="{{ID}}-title-error"><span class="visually-hidden">Lỗi: </span>{{SEC_TITLE_ERROR}}</p>{{/SEC_TITLE_INVALID}}
          <input id="{{ID}}-title" name="sections[{{I}}].title" maxlength="200" value="{{TITLE}}"{{#SEC_TITLE_INVALID}} aria-invalid="true" aria-describedby="{{ID}}-title-error"{{/SEC_TITLE_INVALID}}>
        </div>
        <div id="{{ID}}-questions" tabindex="-1"{{#SEC_QUESTIONS_INVALID}} class="field-invalid"{{/SEC_QUESTIONS_INVALID}}>
          {{#SEC_QUESTIONS_INVALID}}<p class="field-error" id="{{ID}}-questions-error"><span class="visually-hidden">Lỗi: </span>{{SEC_QUESTIONS_ERROR}}</p>{{/SEC_QUESTIONS_INVALID}}
          {{#QUESTION}}<fieldset class="item questionnaire-question" id="{{ID}}">
            <legend>Câu {{QN}} <span class="visually-hidden">của phần {{SN}}</span></legend>
            <input type="hidden" name="{{NAME}}.key" value="{{KEY}}">
            <div class="field{{#ROW_TEXT_INVALID}} field-invalid{{/ROW_TEXT_INVALID}}">
              <label for="{{ID}}-text">Nội dung câu hỏi <span class="visually-hidden">{{QN}} của phần {{SN}}</span></label>
              {{#ROW_TEXT_INVALID}}<p class="field-error" id="{{ID}}-text-error"><span class="visually-hidden">Lỗi: </span>{{ROW_TEXT_ERROR}}</p>{{/ROW_TEXT_INVALID}}
              <input id="{{ID}}-text" name="{{NAME}}.text" maxlength="500" value="{{TEXT}}"{{#ROW_TEXT_INVALID}} aria-invalid="true" aria-describedby="{{ID}}-text-error"{{/ROW_TEXT_INVALID}}>
            </div>
            <div class="field{{#ROW_KIND_INVALID}} field-invalid{{/ROW_KIND_INVALID}}">
              <label for="{{ID}}-kind">Loại câu hỏi <span class="visually-hidden">{{QN}} của phần {{SN}}</span></label>
              {{#ROW_KIND_INVALID}}<p class="field-error" id="{{ID}}-kind-error"><span class="visually-hidden">Lỗi: </span>{{ROW_KIND_ERROR}}</p>{{/ROW_KIND_INVALID}}
              <select id="{{ID}}-kind" name="{{NAME}}.kind"{{#ROW_KIND_INVALID}} aria-invalid="true" aria-describedby="{{ID}}-kind-error"{{/ROW_KIND_INVALID}}>{{#KIND}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>
            </div>
            <div class="field">
              <label class="check" for="{{ID}}-required"><input type="checkbox" id="{{ID}}-required" name="{{NAME}}.required" value="1"{{#REQUIRED}} checked{{/REQUIRED}}> Bắt buộc trả lời <span class="visually-hidden">câu {{QN}} của phần {{SN}}</span></label>
            </div>
            <div class="field{{#ROW_OPTIONS_INVALID}} field-invalid{{/ROW_OPTIONS_INVALID}}">
              <label for="{{ID}}-options">Các phương án <span class="visually-hidden">của câu {{QN}} phần {{SN}}</span></label>
              <p class="hint" id="{{ID}}-options-hint">Chỉ cho câu chọn một hoặc chọn nhiều phương án: mỗi dòng một phương án, từ 2 đến {{MAX_OPTIONS}}, ví dụ “Qua cán bộ” rồi xuống dòng “Qua mạng”.</p>
              {{#ROW_OPTIONS_INVALID}}<p class="field-error" id="{{ID}}-options-error"><span class="visually-hidden">Lỗi: </span>{{ROW_OPTIONS_ERROR}}</p>{{/ROW_OPTIONS_INVALID}}
              <textarea id="{{ID}}-options" name="{{NAME}}.options" rows="3" maxlength="4500" aria-describedby="{{ID}}-options-hint{{#ROW_OPTIONS_INVALID}} {{ID}}-options-error{{/ROW_OPTIONS_INVALID}}"{{#ROW_OPTIONS_INVALID}} aria-invalid="true"{{/ROW_OPTIONS_INVALID}}>{{OPTIONS:pre_escape}}</textarea>
            </div>
            <div class="field{{#ROW_ELEMENT_INVALID}} field-invalid{{/ROW_ELEMENT_INVALID}}">
              <label for="{{ID}}-element">Yếu tố SIPAS <span class="visually-hidden">của câu {{QN}} phần {{SN}}</span></label>
              <p class="hint" id="{{ID}}-element-hint">Chỉ cho câu theo thang 1-5: câu trả lời được tính vào chỉ số hài lòng của yếu tố này.</p>
              {{#ROW_ELEMENT_INVALID}}<p class="field-error" id="{{ID}}-element-error"><span class="visually-hidden">Lỗi: </span>{{ROW_ELEMENT_ERROR}}</p>{{/ROW_ELEMENT_INVALID}}
              <select id="{{ID}}-element" name="{{NAME}}.element" aria-describedby="{{ID}}-element-hint{{#ROW_ELEMENT_INVALID}} {{ID}}-element-error{{/ROW_ELEMENT_INVALID}}"{{#ROW_ELEMENT_INVALID}} aria-invalid="true"{{/ROW_ELEMENT_INVALID}}>{{#ELEMENT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ELEMENT}}</select>
            </div>
            {{#ROW_KEY_INVALID}}<p class="field-error" id="{{ID}}-key"><span class="visually-hidden">Lỗi: </span>{{ROW_KEY_ERROR}}</p>{{/ROW_KEY_INVALID}}
            <div class="actions">
              {{#Q_CAN_UP}}<button type="submit" name="op" value="{{Q_UP}}" class="secondary small">Lên <span class="visually-hidden">câu {{QN}} của phần {{SN}}</span></button>{{/Q_CAN_UP}}
              {{#Q_CAN_DOWN}}<button type="submit" name="op" value="{{Q_DOWN}}" class="secondary small">Xuống <span class="visually-hidden">câu {{QN}} của phần {{SN}}</span></button>{{/Q_CAN_DOWN}}
              <button type="submit" name="op" value="{{Q_REMOVE}}" class="secondary small">Xóa <span class="visually-hidden">câu {{QN}} của phần {{SN}}</span></button>
            </div>
          </fieldset>{{/QUESTION}}
        </div>
        <div class="actions">
          {{#CAN_ADD}}<button type="submit" name="op" value="{{ADD}}" class="secondary small">Thêm câu hỏi <span class="visually-hidden">vào phần {{SN}}</span></button>{{/CAN_ADD}}
          {{#CAN_UP}}<button type="submit" name="op" value="{{UP}}" class="secondary small">Lên <span class="visually-hidden">phần {{SN}}</span></button>{{/CAN_UP}}
          {{#CAN_DOWN}}<button type="submit" name="op" value="{{DOWN}}" class="secondary small">Xuống <span class="visually-hidden">phần {{SN}}</span></button>{{/CAN_DOWN}}
          <button type="submit" name="op" value="{{REMOVE}}" class="secondary small">Xóa <span class="visually-hidden">phần {{SN}} và các câu hỏi của nó</span></button>
        </div>
      </fieldset>{{/SECTION}}
      {{#FULL}}<p class="hint" id="questions-full">{{TOO_MANY}}</p>{{/FULL}}
    </div>
    <div class="actions">
      <button type="submit" name="op" value="save">Lưu phiên bản mới</button>
      {{#CAN_ADD_SECTION}}<button type="submit" name="op" value="add_section" class="secondary">Thêm phần</button>{{/CAN_ADD_SECTION}}
      <a class="button secondary" href="{{CANCEL}}">Hủy</a>
    </div>
  </form>
</section>
