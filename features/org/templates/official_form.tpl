{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="/officials">← Danh sách cán bộ</a></p>
  <h1>{{TITLE}}</h1>
  {{#HAS_PHOTO}}<img class="official-photo" src="{{PHOTO_URL}}" alt="{{FULL_NAME}}" width="120" height="160">{{/HAS_PHOTO}}
  <form method="post" action="{{#IS_NEW}}/officials{{/IS_NEW}}{{#IS_EDIT}}/officials/{{ID}}{{/IS_EDIT}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#IS_NEW}}    <div class="field{{#USERNAME_INVALID}} field-invalid{{/USERNAME_INVALID}}">
      <label for="username">Tên đăng nhập</label>
      <p class="hint" id="username-hint">Chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch nối; ví dụ nguyen.van.an.</p>
      {{#USERNAME_INVALID}}<p class="field-error" id="username-error"><span class="visually-hidden">Lỗi: </span>{{USERNAME_ERROR}}</p>{{/USERNAME_INVALID}}
      <input id="username" name="username" maxlength="40" value="{{USERNAME}}" autocomplete="off" spellcheck="false" aria-describedby="username-hint{{#USERNAME_INVALID}} username-error{{/USERNAME_INVALID}}"{{#USERNAME_INVALID}} aria-invalid="true"{{/USERNAME_INVALID}}>
    </div>
{{/IS_NEW}}
    {{#IS_EDIT}}<p>Tên đăng nhập: <strong>{{USERNAME}}</strong> <small>(không đổi được)</small></p>{{/IS_EDIT}}
    <div class="field{{#FULL_NAME_INVALID}} field-invalid{{/FULL_NAME_INVALID}}">
      <label for="full_name">Họ và tên</label>
      {{#FULL_NAME_INVALID}}<p class="field-error" id="full_name-error"><span class="visually-hidden">Lỗi: </span>{{FULL_NAME_ERROR}}</p>{{/FULL_NAME_INVALID}}
      <input id="full_name" name="full_name" maxlength="120" value="{{FULL_NAME}}" autocomplete="off"{{#FULL_NAME_INVALID}} aria-describedby="full_name-error"{{/FULL_NAME_INVALID}}{{#FULL_NAME_INVALID}} aria-invalid="true"{{/FULL_NAME_INVALID}}>
    </div>
    <div class="field{{#POSITION_INVALID}} field-invalid{{/POSITION_INVALID}}">
      <label for="position">Chức vụ</label>
      <p class="hint" id="position-hint">Ví dụ: Công chức Tư pháp – Hộ tịch. Có thể để trống.</p>
      {{#POSITION_INVALID}}<p class="field-error" id="position-error"><span class="visually-hidden">Lỗi: </span>{{POSITION_ERROR}}</p>{{/POSITION_INVALID}}
      <input id="position" name="position" maxlength="120" value="{{POSITION}}" aria-describedby="position-hint{{#POSITION_INVALID}} position-error{{/POSITION_INVALID}}"{{#POSITION_INVALID}} aria-invalid="true"{{/POSITION_INVALID}}>
    </div>
    <div class="field{{#UNIT_CODE_INVALID}} field-invalid{{/UNIT_CODE_INVALID}}">
      <label for="unit_code">Đơn vị công tác</label>
      {{#UNIT_CODE_INVALID}}<p class="field-error" id="unit_code-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_CODE_ERROR}}</p>{{/UNIT_CODE_INVALID}}
      <select id="unit_code" name="unit_code"{{#UNIT_CODE_INVALID}} aria-describedby="unit_code-error"{{/UNIT_CODE_INVALID}}{{#UNIT_CODE_INVALID}} aria-invalid="true"{{/UNIT_CODE_INVALID}}>{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    </div>
    <div class="field{{#PHONE_INVALID}} field-invalid{{/PHONE_INVALID}}">
      <label for="phone">Điện thoại</label>
      <p class="hint" id="phone-hint">Ví dụ 0912 345 678. Có thể để trống.</p>
      {{#PHONE_INVALID}}<p class="field-error" id="phone-error"><span class="visually-hidden">Lỗi: </span>{{PHONE_ERROR}}</p>{{/PHONE_INVALID}}
      <input id="phone" name="phone" type="tel" maxlength="20" value="{{PHONE}}" autocomplete="off" aria-describedby="phone-hint{{#PHONE_INVALID}} phone-error{{/PHONE_INVALID}}"{{#PHONE_INVALID}} aria-invalid="true"{{/PHONE_INVALID}}>
    </div>
    <div class="field{{#EMAIL_INVALID}} field-invalid{{/EMAIL_INVALID}}">
      <label for="email">Thư điện tử</label>
      <p class="hint" id="email-hint">Ví dụ an.nv@tanhung.gov.vn. Có thể để trống.</p>
      {{#EMAIL_INVALID}}<p class="field-error" id="email-error"><span class="visually-hidden">Lỗi: </span>{{EMAIL_ERROR}}</p>{{/EMAIL_INVALID}}
      <input id="email" name="email" type="email" maxlength="254" value="{{EMAIL}}" autocomplete="off" spellcheck="false" aria-describedby="email-hint{{#EMAIL_INVALID}} email-error{{/EMAIL_INVALID}}"{{#EMAIL_INVALID}} aria-invalid="true"{{/EMAIL_INVALID}}>
    </div>
{{#IS_NEW}}    <div class="field{{#PASSWORD_INVALID}} field-invalid{{/PASSWORD_INVALID}}">
      <label for="password">Mật khẩu ban đầu</label>
      <p class="hint" id="password-hint">Ít nhất 10 ký tự. Cán bộ nên đổi mật khẩu sau lần đăng nhập đầu tiên.</p>
      {{#PASSWORD_INVALID}}<p class="field-error" id="password-error"><span class="visually-hidden">Lỗi: </span>{{PASSWORD_ERROR}}</p>{{/PASSWORD_INVALID}}
      <input id="password" name="password" type="password" minlength="10" autocomplete="new-password" aria-describedby="password-hint{{#PASSWORD_INVALID}} password-error{{/PASSWORD_INVALID}}"{{#PASSWORD_INVALID}} aria-invalid="true"{{/PASSWORD_INVALID}}>
    </div>
    <div class="field{{#ROLES_INVALID}} field-invalid{{/ROLES_INVALID}}">
      <label for="roles">Vai trò</label>
      {{#ROLES_INVALID}}<p class="field-error" id="roles-error"><span class="visually-hidden">Lỗi: </span>{{ROLES_ERROR}}</p>{{/ROLES_INVALID}}
      <select id="roles" name="role"{{#ROLES_INVALID}} aria-describedby="roles-error"{{/ROLES_INVALID}}{{#ROLES_INVALID}} aria-invalid="true"{{/ROLES_INVALID}}><option value="">Chưa cấp vai trò</option>{{#ROLE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ROLE}}</select>
    </div>
    <div class="field">
      <label for="grant_unit_code">Vai trò trên đơn vị</label>
      <p class="hint" id="grant_unit_code-hint">Vai trò có hiệu lực trên đơn vị này và mọi đơn vị trực thuộc.</p>
      <select id="grant_unit_code" name="grant_unit_code" aria-describedby="grant_unit_code-hint">{{#GRANT_UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/GRANT_UNIT}}</select>
    </div>{{/IS_NEW}}
    {{#IS_EDIT}}<input type="hidden" name="active_present" value="1">
    <div class="field{{#ACTIVE_INVALID}} field-invalid{{/ACTIVE_INVALID}}">
      {{#ACTIVE_INVALID}}<p class="field-error" id="active-error"><span class="visually-hidden">Lỗi: </span>{{ACTIVE_ERROR}}</p>{{/ACTIVE_INVALID}}
      <label class="check"><input type="checkbox" id="active" name="active" value="1" {{ACTIVE_CHECKED}}> Tài khoản đang hoạt động (bỏ chọn để khóa)</label>
    </div>{{/IS_EDIT}}
    <div class="actions">
      <button type="submit">{{#IS_NEW}}Thêm cán bộ{{/IS_NEW}}{{#IS_EDIT}}Lưu thay đổi{{/IS_EDIT}}</button>
      <a class="button secondary" href="{{CANCEL}}">Hủy</a>
    </div>
  </form>
  {{#IS_EDIT}}<p><a id="official-photo-link" href="/officials/{{ID}}/anh">Ảnh của cán bộ</a></p>
  <p><a id="official-publication" href="/officials/{{ID}}/cong-khai">Thông tin công khai trong danh bạ của đơn vị</a></p>
  <h2 id="roles-heading">Vai trò</h2>
  {{#NO_GRANTS}}<p>Cán bộ chưa có vai trò nào.</p>{{/NO_GRANTS}}
  <ul class="grants">{{#GRANT}}<li>{{ROLE}} trên {{UNIT}} <a href="/officials/{{ID}}/grants/{{GRANT_ID}}/delete">Thu hồi<span class="visually-hidden"> vai trò {{ROLE}} trên {{UNIT}}</span></a></li>{{/GRANT}}</ul>
  <form method="post" action="/officials/{{ID}}/grants" class="inline" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#ROLE_INVALID}} field-invalid{{/ROLE_INVALID}}">
      <label for="role">Cấp thêm vai trò</label>
      {{#ROLE_INVALID}}<p class="field-error" id="role-error"><span class="visually-hidden">Lỗi: </span>{{ROLE_ERROR}}</p>{{/ROLE_INVALID}}
      <select id="role" name="role"{{#ROLE_INVALID}} aria-invalid="true" aria-describedby="role-error"{{/ROLE_INVALID}}><option value="">Chọn vai trò</option>{{#ROLE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ROLE}}</select>
    </div>
    <div class="field{{#GRANT_UNIT_CODE_INVALID}} field-invalid{{/GRANT_UNIT_CODE_INVALID}}">
      <label for="grant_unit_code">trên đơn vị</label>
      {{#GRANT_UNIT_CODE_INVALID}}<p class="field-error" id="grant_unit_code-error"><span class="visually-hidden">Lỗi: </span>{{GRANT_UNIT_CODE_ERROR}}</p>{{/GRANT_UNIT_CODE_INVALID}}
      <select id="grant_unit_code" name="grant_unit_code">{{#GRANT_UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/GRANT_UNIT}}</select>
    </div>
    <button type="submit" class="secondary">Cấp vai trò</button>
  </form>
  {{#CAN_MANAGE_ACCESS}}<h2>Đăng nhập</h2>
  <p>Khi cán bộ bị khóa đăng nhập vì nhập sai mật khẩu nhiều lần, hoặc quên mật khẩu:</p>
  <form method="post" action="/officials/{{ID}}/unlock">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button type="submit" class="secondary">Mở khóa đăng nhập</button>
  </form>
  <form method="post" action="/officials/{{ID}}/password-reset" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#RESET_PASSWORD_INVALID}} field-invalid{{/RESET_PASSWORD_INVALID}}">
      <label for="reset_password">Mật khẩu tạm thời</label>
      <p class="hint" id="reset_password-hint">Để trống để hệ thống tạo. Cán bộ phải đổi mật khẩu tạm thời ở lần đăng nhập tiếp theo; các phiên đăng nhập đang mở của cán bộ bị kết thúc.</p>
      {{#RESET_PASSWORD_INVALID}}<p class="field-error" id="reset_password-error"><span class="visually-hidden">Lỗi: </span>{{RESET_PASSWORD_ERROR}}</p>{{/RESET_PASSWORD_INVALID}}
      <input id="reset_password" name="password" type="password" minlength="10" autocomplete="new-password" aria-describedby="reset_password-hint{{#RESET_PASSWORD_INVALID}} reset_password-error{{/RESET_PASSWORD_INVALID}}"{{#RESET_PASSWORD_INVALID}} aria-invalid="true"{{/RESET_PASSWORD_INVALID}}>
    </div>
    <button type="submit" class="secondary">Đặt lại mật khẩu</button>
  </form>{{/CAN_MANAGE_ACCESS}}{{/IS_EDIT}}
</section>
