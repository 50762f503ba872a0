{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="/thu">← Sổ theo dõi thư</a></p>
  <h1>{{HEADING}}</h1>
  <p class="lead">Người ký và địa danh in trên thư của đơn vị. Thư lập từ nay dùng các thông tin này; thư đã lập giữ nguyên.</p>
  <form method="get" action="/thu/cai-dat" class="stats-filters" novalidate>
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <button type="submit">Xem</button>
  </form>
  {{#READ_ONLY}}<p class="hint">Chỉ lãnh đạo hoặc quản trị viên của đơn vị sửa được người ký và địa danh.</p>
  <dl class="summary" id="settings-view">
    <div><dt>Địa danh ghi trên thư</dt><dd>{{PLACE}}</dd></div>
    <div><dt>Chức vụ người ký</dt><dd class="pre-line">{{SIGNER_TITLE}}</dd></div>
    <div><dt>Họ và tên người ký</dt><dd>{{SIGNER_NAME_SHOWN}}</dd></div>
  </dl>{{/READ_ONLY}}
  {{#CAN_SAVE}}<form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#PLACE_INVALID}} field-invalid{{/PLACE_INVALID}}">
      <label for="place">Địa danh ghi trên thư</label>
      <p class="hint" id="place-hint">In trước ngày tháng, ví dụ “Phường Tân Định” sẽ in thành “Phường Tân Định, ngày 17 tháng 02 năm 2026”.</p>
      {{#PLACE_INVALID}}<p class="field-error" id="place-error"><span class="visually-hidden">Lỗi: </span>{{PLACE_ERROR}}</p>{{/PLACE_INVALID}}
      <input id="place" name="place" maxlength="120" value="{{PLACE}}" autocomplete="off" aria-describedby="place-hint{{#PLACE_INVALID}} place-error{{/PLACE_INVALID}}"{{#PLACE_INVALID}} aria-invalid="true"{{/PLACE_INVALID}}>
    </div>
    <div class="field{{#SIGNER_TITLE_INVALID}} field-invalid{{/SIGNER_TITLE_INVALID}}">
      <label for="signer_title">Chức vụ người ký</label>
      <p class="hint" id="signer_title-hint">Có thể viết hai dòng, ví dụ “TM. ỦY BAN NHÂN DÂN” rồi xuống dòng “CHỦ TỊCH”.</p>
      {{#SIGNER_TITLE_INVALID}}<p class="field-error" id="signer_title-error"><span class="visually-hidden">Lỗi: </span>{{SIGNER_TITLE_ERROR}}</p>{{/SIGNER_TITLE_INVALID}}
      <textarea id="signer_title" name="signer_title" rows="3" maxlength="120" aria-describedby="signer_title-hint{{#SIGNER_TITLE_INVALID}} signer_title-error{{/SIGNER_TITLE_INVALID}}"{{#SIGNER_TITLE_INVALID}} aria-invalid="true"{{/SIGNER_TITLE_INVALID}}>{{SIGNER_TITLE}}</textarea>
    </div>
    <div class="field{{#SIGNER_NAME_INVALID}} field-invalid{{/SIGNER_NAME_INVALID}}">
      <label for="signer_name">Họ và tên người ký (không bắt buộc)</label>
      <p class="hint" id="signer_name-hint">Để trống thì lãnh đạo ghi tay sau khi ký.</p>
      {{#SIGNER_NAME_INVALID}}<p class="field-error" id="signer_name-error"><span class="visually-hidden">Lỗi: </span>{{SIGNER_NAME_ERROR}}</p>{{/SIGNER_NAME_INVALID}}
      <input id="signer_name" name="signer_name" maxlength="120" value="{{SIGNER_NAME}}" autocomplete="off" aria-describedby="signer_name-hint{{#SIGNER_NAME_INVALID}} signer_name-error{{/SIGNER_NAME_INVALID}}"{{#SIGNER_NAME_INVALID}} aria-invalid="true"{{/SIGNER_NAME_INVALID}}>
    </div>
    <button type="submit">Lưu</button>
  </form>{{/CAN_SAVE}}
</section>
