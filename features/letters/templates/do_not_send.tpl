{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/thu">← Sổ theo dõi thư</a></p>
  <h1>Danh sách không gửi thư</h1>
  <p class="lead">Những gia đình đã đề nghị không nhận thư của Ủy ban. Khi hồ sơ một cửa của người có trong danh sách được tiếp nhận hoặc trả kết quả, hệ thống không tự lập thư cho họ.</p>
  <form method="get" action="/thu/khong-gui" class="stats-filters" novalidate>
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <button type="submit">Xem</button>
  </form>
  {{#EMPTY}}<p id="dns-empty">Chưa có ai trong danh sách.</p>{{/EMPTY}}
  {{#HAS_ENTRIES}}<div class="table-wrap" role="region" aria-labelledby="dns-caption" tabindex="0"><table class="stack" id="dns-list">
    <caption id="dns-caption">Người đề nghị không nhận thư, mới nhất trước. Số định danh và số điện thoại chỉ hiện đầy đủ với cán bộ của chính đơn vị đã ghi nhận.</caption>
    <thead><tr><th scope="col">Họ và tên</th><th scope="col">Số định danh</th><th scope="col">Số điện thoại</th><th scope="col">Lý do</th><th scope="col">Đơn vị</th><th scope="col">Ngày ghi nhận</th><th scope="col">Thao tác</th></tr></thead>
    <tbody>{{#ENTRY}}<tr><th scope="row">{{NAME}}</th><td data-label="Số định danh">{{ID_NUMBER}}</td><td data-label="Số điện thoại">{{PHONE}}</td><td data-label="Lý do">{{NOTE}}</td><td data-label="Đơn vị">{{UNIT}}</td><td data-label="Ngày ghi nhận" class="when">{{CREATED}}</td><td data-label="Thao tác"><a href="{{REMOVE_URL}}">Xóa<span class="visually-hidden"> {{NAME}} khỏi danh sách</span></a></td></tr>{{/ENTRY}}</tbody>
  </table></div>{{/HAS_ENTRIES}}
  <h2 id="add-heading">Thêm người vào danh sách</h2>
  <form method="post" action="/thu/khong-gui" novalidate aria-labelledby="add-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#UNIT_CODE_INVALID}} field-invalid{{/UNIT_CODE_INVALID}}">
      <label for="unit_code">Đơn vị ghi nhận</label>
      {{#UNIT_CODE_INVALID}}<p class="field-error" id="unit_code-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_CODE_ERROR}}</p>{{/UNIT_CODE_INVALID}}
      <select id="unit_code" name="unit_code"{{#UNIT_CODE_INVALID}} aria-invalid="true" aria-describedby="unit_code-error"{{/UNIT_CODE_INVALID}}>{{#ADD_UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/ADD_UNIT_OPTION}}</select>
    </div>
    <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
      <label for="name">Họ và tên</label>
      <p class="hint" id="name-hint">Họ và tên người (hoặc chủ hộ) đề nghị không nhận thư, như trong hồ sơ.</p>
      {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
      <input id="name" name="name" maxlength="200" value="{{NAME_VALUE}}" autocomplete="off" aria-describedby="name-hint{{#NAME_INVALID}} name-error{{/NAME_INVALID}}"{{#NAME_INVALID}} aria-invalid="true"{{/NAME_INVALID}}>
    </div>
    <div class="field{{#ID_NUMBER_INVALID}} field-invalid{{/ID_NUMBER_INVALID}}">
      <label for="id_number">Số định danh cá nhân (không bắt buộc)</label>
      <p class="hint" id="id_number-hint">12 chữ số trên căn cước. Có số định danh thì hệ thống nhận ra người này chính xác hơn so với chỉ có tên.</p>
      {{#ID_NUMBER_INVALID}}<p class="field-error" id="id_number-error"><span class="visually-hidden">Lỗi: </span>{{ID_NUMBER_ERROR}}</p>{{/ID_NUMBER_INVALID}}
      <input id="id_number" name="id_number" inputmode="numeric" maxlength="20" value="{{ID_NUMBER_VALUE}}" autocomplete="off" aria-describedby="id_number-hint{{#ID_NUMBER_INVALID}} id_number-error{{/ID_NUMBER_INVALID}}"{{#ID_NUMBER_INVALID}} aria-invalid="true"{{/ID_NUMBER_INVALID}}>
    </div>
    <div class="field{{#PHONE_INVALID}} field-invalid{{/PHONE_INVALID}}">
      <label for="phone">Số điện thoại (không bắt buộc)</label>
      {{#PHONE_INVALID}}<p class="field-error" id="phone-error"><span class="visually-hidden">Lỗi: </span>{{PHONE_ERROR}}</p>{{/PHONE_INVALID}}
      <input id="phone" name="phone" type="tel" maxlength="20" value="{{PHONE_VALUE}}" autocomplete="off"{{#PHONE_INVALID}} aria-invalid="true" aria-describedby="phone-error"{{/PHONE_INVALID}}>
    </div>
    <div class="field{{#NOTE_INVALID}} field-invalid{{/NOTE_INVALID}}">
      <label for="note">Lý do (không bắt buộc)</label>
      {{#NOTE_INVALID}}<p class="field-error" id="note-error"><span class="visually-hidden">Lỗi: </span>{{NOTE_ERROR}}</p>{{/NOTE_INVALID}}
      <input id="note" name="note" maxlength="300" value="{{NOTE_VALUE}}" autocomplete="off"{{#NOTE_INVALID}} aria-invalid="true" aria-describedby="note-error"{{/NOTE_INVALID}}>
    </div>
    <button type="submit">Thêm vào danh sách</button>
  </form>
</section>
