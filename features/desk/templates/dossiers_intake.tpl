{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="{{CHANGE_URL}}">← Chọn thủ tục khác</a></p>
  <h1>Tiếp nhận hồ sơ</h1>
  <p class="lead">Bước 2 trên 2: kiểm tra giấy tờ và ghi thông tin người nộp.</p>
  <div id="procedure_id" tabindex="-1">
  <dl class="summary">
    <div><dt>Thủ tục</dt><dd>{{PROCEDURE_NAME}} <small>mã {{PROCEDURE_CODE}}</small></dd></div>
    <div><dt>Thời hạn giải quyết</dt><dd id="limit">{{LIMIT}}</dd></div>
    {{#HAS_FEES}}<div><dt>Phí, lệ phí</dt><dd>{{FEES}}</dd></div>{{/HAS_FEES}}
    {{#HAS_RESULT}}<div><dt>Kết quả</dt><dd>{{RESULT}}</dd></div>{{/HAS_RESULT}}
  </dl>
  </div>
  <form method="post" action="/desk/intake" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="procedure_id" value="{{PROCEDURE_ID}}">
    <input type="hidden" name="client_key" value="{{CLIENT_KEY}}">
    {{#ONE_UNIT}}<p>Đơn vị tiếp nhận: <strong>{{UNIT_NAME}}</strong></p>
    <input type="hidden" name="unit_code" value="{{UNIT_CODE}}">{{/ONE_UNIT}}
    {{#MANY_UNITS}}<div class="field{{#UNIT_CODE_INVALID}} field-invalid{{/UNIT_CODE_INVALID}}">
      <label for="unit_code">Đơn vị tiếp nhận</label>
      {{#UNIT_CODE_INVALID}}<p class="field-error" id="unit_code-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_CODE_ERROR}}</p>{{/UNIT_CODE_INVALID}}
      <select id="unit_code" name="unit_code"{{#UNIT_CODE_INVALID}} aria-describedby="unit_code-error" aria-invalid="true"{{/UNIT_CODE_INVALID}}>{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    </div>{{/MANY_UNITS}}
    {{#HAS_DOCUMENTS}}<div class="field{{#DOCUMENTS_INVALID}} field-invalid{{/DOCUMENTS_INVALID}}">
    <fieldset class="group" id="documents" aria-describedby="documents-hint{{#DOCUMENTS_INVALID}} documents-error{{/DOCUMENTS_INVALID}}">
      <legend>Giấy tờ người nộp đã nộp</legend>
      <p class="hint" id="documents-hint">Đánh dấu từng giấy tờ đã kiểm tra và nhận; giấy tiếp nhận (mẫu 01) ghi các giấy tờ này.</p>
      {{#DOCUMENTS_INVALID}}<p class="field-error" id="documents-error"><span class="visually-hidden">Lỗi: </span>{{DOCUMENTS_ERROR}}</p>{{/DOCUMENTS_INVALID}}
      {{#DOCUMENT}}<label class="check"><input type="checkbox" name="document" value="{{INDEX}}" {{CHECKED}}> {{NAME}} ({{KIND}}, {{COUNT}} bản)</label>
      {{/DOCUMENT}}
    </fieldset>
    </div>{{/HAS_DOCUMENTS}}
    {{#NO_DOCUMENTS}}<p>Thủ tục này không quy định thành phần hồ sơ.</p>{{/NO_DOCUMENTS}}
    <fieldset class="group">
      <legend>Người nộp hồ sơ</legend>
      <div class="field{{#APPLICANT_NAME_INVALID}} field-invalid{{/APPLICANT_NAME_INVALID}}">
        <label for="applicant-name">Họ và tên</label>
        <p class="hint" id="applicant-name-hint">Ví dụ: Nguyễn Văn An.</p>
        {{#APPLICANT_NAME_INVALID}}<p class="field-error" id="applicant-name-error"><span class="visually-hidden">Lỗi: </span>{{APPLICANT_NAME_ERROR}}</p>{{/APPLICANT_NAME_INVALID}}
        <input id="applicant-name" name="applicant.name" maxlength="120" value="{{APPLICANT_NAME}}" autocomplete="off" aria-describedby="applicant-name-hint{{#APPLICANT_NAME_INVALID}} applicant-name-error{{/APPLICANT_NAME_INVALID}}"{{#APPLICANT_NAME_INVALID}} aria-invalid="true"{{/APPLICANT_NAME_INVALID}}>
      </div>
      <div class="field{{#APPLICANT_ID_NUMBER_INVALID}} field-invalid{{/APPLICANT_ID_NUMBER_INVALID}}">
        <label for="applicant-id_number">Số định danh cá nhân</label>
        <p class="hint" id="applicant-id_number-hint">12 chữ số trên thẻ căn cước, ví dụ 079123456789. Có thể để trống.</p>
        {{#APPLICANT_ID_NUMBER_INVALID}}<p class="field-error" id="applicant-id_number-error"><span class="visually-hidden">Lỗi: </span>{{APPLICANT_ID_NUMBER_ERROR}}</p>{{/APPLICANT_ID_NUMBER_INVALID}}
        <input id="applicant-id_number" name="applicant.id_number" inputmode="numeric" maxlength="12" value="{{APPLICANT_ID_NUMBER}}" autocomplete="off" aria-describedby="applicant-id_number-hint{{#APPLICANT_ID_NUMBER_INVALID}} applicant-id_number-error{{/APPLICANT_ID_NUMBER_INVALID}}"{{#APPLICANT_ID_NUMBER_INVALID}} aria-invalid="true"{{/APPLICANT_ID_NUMBER_INVALID}}>
      </div>
      <div class="field{{#APPLICANT_PHONE_INVALID}} field-invalid{{/APPLICANT_PHONE_INVALID}}">
        <label for="applicant-phone">Số điện thoại</label>
        <p class="hint" id="applicant-phone-hint">Để báo khi có kết quả, ví dụ 0912 345 678. Có thể để trống.</p>
        {{#APPLICANT_PHONE_INVALID}}<p class="field-error" id="applicant-phone-error"><span class="visually-hidden">Lỗi: </span>{{APPLICANT_PHONE_ERROR}}</p>{{/APPLICANT_PHONE_INVALID}}
        <input id="applicant-phone" name="applicant.phone" type="tel" maxlength="20" value="{{APPLICANT_PHONE}}" autocomplete="off" aria-describedby="applicant-phone-hint{{#APPLICANT_PHONE_INVALID}} applicant-phone-error{{/APPLICANT_PHONE_INVALID}}"{{#APPLICANT_PHONE_INVALID}} aria-invalid="true"{{/APPLICANT_PHONE_INVALID}}>
      </div>
      <div class="field{{#APPLICANT_EMAIL_INVALID}} field-invalid{{/APPLICANT_EMAIL_INVALID}}">
        <label for="applicant-email">Thư điện tử</label>
        <p class="hint" id="applicant-email-hint">Ví dụ an.nguyen@gmail.com. Có thể để trống.</p>
        {{#APPLICANT_EMAIL_INVALID}}<p class="field-error" id="applicant-email-error"><span class="visually-hidden">Lỗi: </span>{{APPLICANT_EMAIL_ERROR}}</p>{{/APPLICANT_EMAIL_INVALID}}
        <input id="applicant-email" name="applicant.email" type="email" maxlength="254" value="{{APPLICANT_EMAIL}}" autocomplete="off" spellcheck="false" aria-describedby="applicant-email-hint{{#APPLICANT_EMAIL_INVALID}} applicant-email-error{{/APPLICANT_EMAIL_INVALID}}"{{#APPLICANT_EMAIL_INVALID}} aria-invalid="true"{{/APPLICANT_EMAIL_INVALID}}>
      </div>
      <div class="field{{#APPLICANT_ADDRESS_INVALID}} field-invalid{{/APPLICANT_ADDRESS_INVALID}}">
        <label for="applicant-address">Địa chỉ</label>
        <p class="hint" id="applicant-address-hint">Ví dụ: Khu phố 3, Phường Chơn Thành. Có thể để trống.</p>
        {{#APPLICANT_ADDRESS_INVALID}}<p class="field-error" id="applicant-address-error"><span class="visually-hidden">Lỗi: </span>{{APPLICANT_ADDRESS_ERROR}}</p>{{/APPLICANT_ADDRESS_INVALID}}
        <input id="applicant-address" name="applicant.address" maxlength="300" value="{{APPLICANT_ADDRESS}}" autocomplete="off" aria-describedby="applicant-address-hint{{#APPLICANT_ADDRESS_INVALID}} applicant-address-error{{/APPLICANT_ADDRESS_INVALID}}"{{#APPLICANT_ADDRESS_INVALID}} aria-invalid="true"{{/APPLICANT_ADDRESS_INVALID}}>
      </div>
    </fieldset>
    <div class="field{{#SUMMARY_INVALID}} field-invalid{{/SUMMARY_INVALID}}">
      <label for="summary">Nội dung yêu cầu giải quyết</label>
      <p class="hint" id="summary-hint">Ví dụ: Đăng ký khai sinh cho con. Có thể để trống.</p>
      {{#SUMMARY_INVALID}}<p class="field-error" id="summary-error"><span class="visually-hidden">Lỗi: </span>{{SUMMARY_ERROR}}</p>{{/SUMMARY_INVALID}}
      <textarea id="summary" name="summary" rows="3" maxlength="1000" aria-describedby="summary-hint{{#SUMMARY_INVALID}} summary-error{{/SUMMARY_INVALID}}"{{#SUMMARY_INVALID}} aria-invalid="true"{{/SUMMARY_INVALID}}>{{SUMMARY}}</textarea>
    </div>
    <div class="field{{#RETURN_METHOD_INVALID}} field-invalid{{/RETURN_METHOD_INVALID}}">
      <label for="return_method">Hình thức nhận kết quả</label>
      {{#RETURN_METHOD_INVALID}}<p class="field-error" id="return_method-error"><span class="visually-hidden">Lỗi: </span>{{RETURN_METHOD_ERROR}}</p>{{/RETURN_METHOD_INVALID}}
      <select id="return_method" name="return_method"{{#RETURN_METHOD_INVALID}} aria-describedby="return_method-error" aria-invalid="true"{{/RETURN_METHOD_INVALID}}>{{#RETURN_METHOD}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/RETURN_METHOD}}</select>
    </div>
    <div class="field{{#NOTIFY_CHANNEL_INVALID}} field-invalid{{/NOTIFY_CHANNEL_INVALID}}">
      <label for="notify_channel">Báo cho người nộp qua</label>
      <p class="hint" id="notify_channel-hint">Tin nhắn khi tiếp nhận, khi cần bổ sung, khi có kết quả. Hỏi người nộp có đồng ý nhận không.</p>
      {{#NOTIFY_CHANNEL_INVALID}}<p class="field-error" id="notify_channel-error"><span class="visually-hidden">Lỗi: </span>{{NOTIFY_CHANNEL_ERROR}}</p>{{/NOTIFY_CHANNEL_INVALID}}
      <select id="notify_channel" name="notify_channel" aria-describedby="notify_channel-hint{{#NOTIFY_CHANNEL_INVALID}} notify_channel-error{{/NOTIFY_CHANNEL_INVALID}}"{{#NOTIFY_CHANNEL_INVALID}} aria-invalid="true"{{/NOTIFY_CHANNEL_INVALID}}>{{#NOTIFY_CHANNEL}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/NOTIFY_CHANNEL}}</select>
    </div>
    <div class="actions">
      <button type="submit">Tiếp nhận hồ sơ</button>
      <a class="button secondary" href="/desk">Hủy</a>
    </div>
  </form>
</section>
