{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p><a href="/feedback/doi-thoai">Các buổi đối thoại</a></p>
  <h1>Lên lịch buổi đối thoại</h1>
  <p class="lead">Buổi đối thoại với người dân ("Nghe dân nói, nói dân hiểu, làm dân tin"). Sau buổi đối thoại, ghi kết quả và từng ý kiến của người dân để theo dõi đến khi trả lời.</p>
  <form method="post" action="/feedback/doi-thoai/moi" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#UNIT_CODE_INVALID}} field-invalid{{/UNIT_CODE_INVALID}}">
      <label for="unit_code">Đơn vị tổ chức</label>
      {{#UNIT_CODE_INVALID}}<p class="field-error" id="unit_code-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_CODE_ERROR}}</p>{{/UNIT_CODE_INVALID}}
      <select id="unit_code" name="unit_code"{{#UNIT_CODE_INVALID}} aria-describedby="unit_code-error" aria-invalid="true"{{/UNIT_CODE_INVALID}}>{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    </div>
    <div class="field{{#SESSION_TITLE_INVALID}} field-invalid{{/SESSION_TITLE_INVALID}}">
      <label for="session_title">Tên buổi đối thoại</label>
      {{#SESSION_TITLE_INVALID}}<p class="field-error" id="session_title-error"><span class="visually-hidden">Lỗi: </span>{{SESSION_TITLE_ERROR}}</p>{{/SESSION_TITLE_INVALID}}
      <input id="session_title" name="session_title" maxlength="200" value="{{SESSION_TITLE}}"{{#SESSION_TITLE_INVALID}} aria-describedby="session_title-error" aria-invalid="true"{{/SESSION_TITLE_INVALID}}>
    </div>
    {{>HELD_ON}}
    <div class="field{{#STARTS_AT_INVALID}} field-invalid{{/STARTS_AT_INVALID}}">
      <label for="starts_at">Giờ bắt đầu</label>
      {{#STARTS_AT_INVALID}}<p class="field-error" id="starts_at-error"><span class="visually-hidden">Lỗi: </span>{{STARTS_AT_ERROR}}</p>{{/STARTS_AT_INVALID}}
      <input class="w10" id="starts_at" name="starts_at" inputmode="numeric" placeholder="08:00" maxlength="5" value="{{STARTS_AT}}"{{#STARTS_AT_INVALID}} aria-describedby="starts_at-error" aria-invalid="true"{{/STARTS_AT_INVALID}}>
    </div>
    <div class="field{{#SESSION_PLACE_INVALID}} field-invalid{{/SESSION_PLACE_INVALID}}">
      <label for="session_place">Địa điểm</label>
      {{#SESSION_PLACE_INVALID}}<p class="field-error" id="session_place-error"><span class="visually-hidden">Lỗi: </span>{{SESSION_PLACE_ERROR}}</p>{{/SESSION_PLACE_INVALID}}
      <input id="session_place" name="session_place" maxlength="300" value="{{SESSION_PLACE}}"{{#SESSION_PLACE_INVALID}} aria-describedby="session_place-error" aria-invalid="true"{{/SESSION_PLACE_INVALID}}>
    </div>
    <div class="field{{#HOSTS_INVALID}} field-invalid{{/HOSTS_INVALID}}">
      <label for="hosts">Người chủ trì</label>
      {{#HOSTS_INVALID}}<p class="field-error" id="hosts-error"><span class="visually-hidden">Lỗi: </span>{{HOSTS_ERROR}}</p>{{/HOSTS_INVALID}}
      <textarea id="hosts" name="hosts" rows="3" maxlength="2000"{{#HOSTS_INVALID}} aria-describedby="hosts-error" aria-invalid="true"{{/HOSTS_INVALID}}>{{HOSTS}}</textarea>
    </div>
    <div class="field{{#INVITED_INVALID}} field-invalid{{/INVITED_INVALID}}">
      <label for="invited">Thành phần mời (không bắt buộc)</label>
      {{#INVITED_INVALID}}<p class="field-error" id="invited-error"><span class="visually-hidden">Lỗi: </span>{{INVITED_ERROR}}</p>{{/INVITED_INVALID}}
      <textarea id="invited" name="invited" rows="3" maxlength="2000"{{#INVITED_INVALID}} aria-describedby="invited-error" aria-invalid="true"{{/INVITED_INVALID}}>{{INVITED}}</textarea>
    </div>
    <button type="submit">Lên lịch</button>
  </form>
</section>
