{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="/thu">← Sổ theo dõi thư</a></p>
  <h1>Lập thư mới</h1>
  <p class="lead">Thư được lập theo mẫu đang dùng của đơn vị và lưu thành bản nháp; lãnh đạo xem lại rồi ký ban hành.</p>
  <form method="post" action="/thu/moi" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#UNIT_CODE_INVALID}} field-invalid{{/UNIT_CODE_INVALID}}">
      <label for="unit_code">Đơn vị gửi thư</label>
      {{#UNIT_CODE_INVALID}}<p class="field-error" id="unit_code-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_CODE_ERROR}}</p>{{/UNIT_CODE_INVALID}}
      <select id="unit_code" name="unit_code"{{#UNIT_CODE_INVALID}} aria-invalid="true" aria-describedby="unit_code-error"{{/UNIT_CODE_INVALID}}>{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <div class="field{{#TYPE_INVALID}} field-invalid{{/TYPE_INVALID}}">
      <label for="type">Loại thư</label>
      {{#TYPE_INVALID}}<p class="field-error" id="type-error"><span class="visually-hidden">Lỗi: </span>{{TYPE_ERROR}}</p>{{/TYPE_INVALID}}
      <select id="type" name="type"{{#TYPE_INVALID}} aria-invalid="true" aria-describedby="type-error"{{/TYPE_INVALID}}><option value="">Chọn loại thư</option>{{#TYPE_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}</select>
    </div>
    <div class="field{{#RECIPIENT_NAME_INVALID}} field-invalid{{/RECIPIENT_NAME_INVALID}}">
      <label for="recipient_name">Người nhận</label>
      <p class="hint" id="recipient_name-hint">Ghi như trên thư, ví dụ: Ông Nguyễn Văn An và bà Trần Thị Bình.</p>
      {{#RECIPIENT_NAME_INVALID}}<p class="field-error" id="recipient_name-error"><span class="visually-hidden">Lỗi: </span>{{RECIPIENT_NAME_ERROR}}</p>{{/RECIPIENT_NAME_INVALID}}
      <input id="recipient_name" name="recipient_name" maxlength="200" value="{{RECIPIENT_NAME}}" autocomplete="off" aria-describedby="recipient_name-hint{{#RECIPIENT_NAME_INVALID}} recipient_name-error{{/RECIPIENT_NAME_INVALID}}"{{#RECIPIENT_NAME_INVALID}} aria-invalid="true"{{/RECIPIENT_NAME_INVALID}}>
    </div>
    <div class="field{{#RECIPIENT_ADDRESS_INVALID}} field-invalid{{/RECIPIENT_ADDRESS_INVALID}}">
      <label for="recipient_address">Địa chỉ người nhận (không bắt buộc)</label>
      {{#RECIPIENT_ADDRESS_INVALID}}<p class="field-error" id="recipient_address-error"><span class="visually-hidden">Lỗi: </span>{{RECIPIENT_ADDRESS_ERROR}}</p>{{/RECIPIENT_ADDRESS_INVALID}}
      <input id="recipient_address" name="recipient_address" maxlength="300" value="{{RECIPIENT_ADDRESS}}" autocomplete="off"{{#RECIPIENT_ADDRESS_INVALID}} aria-invalid="true" aria-describedby="recipient_address-error"{{/RECIPIENT_ADDRESS_INVALID}}>
    </div>
    <div class="field{{#RECIPIENT_PHONE_INVALID}} field-invalid{{/RECIPIENT_PHONE_INVALID}}">
      <label for="recipient_phone">Số điện thoại người nhận (không bắt buộc)</label>
      {{#RECIPIENT_PHONE_INVALID}}<p class="field-error" id="recipient_phone-error"><span class="visually-hidden">Lỗi: </span>{{RECIPIENT_PHONE_ERROR}}</p>{{/RECIPIENT_PHONE_INVALID}}
      <input id="recipient_phone" name="recipient_phone" type="tel" maxlength="20" value="{{RECIPIENT_PHONE}}" autocomplete="off"{{#RECIPIENT_PHONE_INVALID}} aria-invalid="true" aria-describedby="recipient_phone-error"{{/RECIPIENT_PHONE_INVALID}}>
    </div>
    <div class="field{{#OCCASION_INVALID}} field-invalid{{/OCCASION_INVALID}}">
      <label for="occasion">Dịp gửi thư (không bắt buộc)</label>
      <p class="hint" id="occasion-hint">Ví dụ: mừng thọ 90 tuổi; đạt giải Nhất học sinh giỏi cấp tỉnh; ủng hộ xây dựng nhà văn hóa khu phố.</p>
      {{#OCCASION_INVALID}}<p class="field-error" id="occasion-error"><span class="visually-hidden">Lỗi: </span>{{OCCASION_ERROR}}</p>{{/OCCASION_INVALID}}
      <input id="occasion" name="occasion" maxlength="300" value="{{OCCASION}}" autocomplete="off" aria-describedby="occasion-hint{{#OCCASION_INVALID}} occasion-error{{/OCCASION_INVALID}}"{{#OCCASION_INVALID}} aria-invalid="true"{{/OCCASION_INVALID}}>
    </div>
    {{>EVENT_DATE}}
    <div class="field{{#DOSSIER_CODE_INVALID}} field-invalid{{/DOSSIER_CODE_INVALID}}">
      <label for="dossier_code">Mã hồ sơ liên quan (không bắt buộc)</label>
      {{#DOSSIER_CODE_INVALID}}<p class="field-error" id="dossier_code-error"><span class="visually-hidden">Lỗi: </span>{{DOSSIER_CODE_ERROR}}</p>{{/DOSSIER_CODE_INVALID}}
      <input id="dossier_code" name="dossier_code" maxlength="80" value="{{DOSSIER_CODE}}" autocomplete="off"{{#DOSSIER_CODE_INVALID}} aria-invalid="true" aria-describedby="dossier_code-error"{{/DOSSIER_CODE_INVALID}}>
    </div>
    <div class="field{{#CHANNEL_INVALID}} field-invalid{{/CHANNEL_INVALID}}">
      <label for="channel">Cách gửi</label>
      {{#CHANNEL_INVALID}}<p class="field-error" id="channel-error"><span class="visually-hidden">Lỗi: </span>{{CHANNEL_ERROR}}</p>{{/CHANNEL_INVALID}}
      <select id="channel" name="channel"{{#CHANNEL_INVALID}} aria-invalid="true" aria-describedby="channel-error"{{/CHANNEL_INVALID}}>{{#CHANNEL_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/CHANNEL_OPTION}}</select>
    </div>
    <div class="field{{#SIGNER_TITLE_INVALID}} field-invalid{{/SIGNER_TITLE_INVALID}}">
      <label for="signer_title">Chức vụ người ký (không bắt buộc)</label>
      <p class="hint" id="signer_title-hint">Để trống: dùng chức vụ đã đặt cho đơn vị.</p>
      {{#SIGNER_TITLE_INVALID}}<p class="field-error" id="signer_title-error"><span class="visually-hidden">Lỗi: </span>{{SIGNER_TITLE_ERROR}}</p>{{/SIGNER_TITLE_INVALID}}
      <input id="signer_title" name="signer_title" maxlength="120" value="{{SIGNER_TITLE}}" autocomplete="off" aria-describedby="signer_title-hint{{#SIGNER_TITLE_INVALID}} signer_title-error{{/SIGNER_TITLE_INVALID}}"{{#SIGNER_TITLE_INVALID}} aria-invalid="true"{{/SIGNER_TITLE_INVALID}}>
    </div>
    <div class="field{{#SIGNER_NAME_INVALID}} field-invalid{{/SIGNER_NAME_INVALID}}">
      <label for="signer_name">Họ và tên người ký (không bắt buộc)</label>
      {{#SIGNER_NAME_INVALID}}<p class="field-error" id="signer_name-error"><span class="visually-hidden">Lỗi: </span>{{SIGNER_NAME_ERROR}}</p>{{/SIGNER_NAME_INVALID}}
      <input id="signer_name" name="signer_name" maxlength="120" value="{{SIGNER_NAME}}" autocomplete="off"{{#SIGNER_NAME_INVALID}} aria-invalid="true" aria-describedby="signer_name-error"{{/SIGNER_NAME_INVALID}}>
    </div>
    <div class="actions">
      <button type="submit">Lập bản nháp</button>
      <a class="button secondary" href="/thu">Hủy</a>
    </div>
  </form>
</section>
