{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>{{TITLE}}</h1>
  <p><a href="/officials">← Danh sách cán bộ</a></p>
  {{#HAS_ERROR}}<div class="alert" role="alert" data-field="{{ERROR_FIELD}}">{{ERROR}}</div>{{/HAS_ERROR}}
  <form method="post" action="{{#IS_NEW}}/officials{{/IS_NEW}}{{#IS_EDIT}}/officials/{{ID}}{{/IS_EDIT}}">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="username">Tên đăng nhập (chữ thường, số, . _ -)</label>
    {{#IS_NEW}}<input id="username" name="username" required maxlength="40" value="{{USERNAME}}" autocomplete="off">{{/IS_NEW}}
    {{#IS_EDIT}}<input id="username" value="{{USERNAME}}" readonly>{{/IS_EDIT}}
    <label for="full_name">Họ và tên</label>
    <input id="full_name" name="full_name" required maxlength="120" value="{{FULL_NAME}}">
    <label for="position">Chức vụ</label>
    <input id="position" name="position" maxlength="120" value="{{POSITION}}">
    <label for="unit_code">Đơn vị công tác</label>
    <select id="unit_code" name="unit_code">{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    <label for="phone">Điện thoại</label>
    <input id="phone" name="phone" type="tel" maxlength="20" value="{{PHONE}}">
    <label for="email">Thư điện tử</label>
    <input id="email" name="email" type="email" maxlength="254" value="{{EMAIL}}">
    {{#IS_NEW}}<label for="password">Mật khẩu ban đầu (ít nhất 10 ký tự)</label>
    <input id="password" name="password" type="password" required minlength="10" autocomplete="new-password">
    <label for="role">Vai trò</label>
    <select id="role" name="role"><option value="">(chưa cấp)</option>{{#ROLE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ROLE}}</select>
    <label for="grant_unit_code">Trên đơn vị (bao gồm các đơn vị trực thuộc)</label>
    <select id="grant_unit_code" name="grant_unit_code">{{#GRANT_UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/GRANT_UNIT}}</select>{{/IS_NEW}}
    {{#IS_EDIT}}<input type="hidden" name="active_present" value="1">
    <label class="check"><input type="checkbox" name="active" value="1" {{ACTIVE_CHECKED}}> Đang hoạt động</label>{{/IS_EDIT}}
    <button type="submit">Lưu</button>
  </form>
  {{#IS_EDIT}}<h2>Vai trò</h2>
  <ul class="grants">{{#GRANT}}<li>{{ROLE}} — {{UNIT}}
    <form method="post" action="/officials/{{ID}}/grants/{{GRANT_ID}}/delete" class="inline">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="secondary">Thu hồi</button></form></li>{{/GRANT}}</ul>
  <form method="post" action="/officials/{{ID}}/grants" class="inline">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="role">Cấp vai trò</label>
    <select id="role" name="role">{{#ROLE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ROLE}}</select>
    <label for="grant_unit_code">trên đơn vị</label>
    <select id="grant_unit_code" name="grant_unit_code">{{#GRANT_UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/GRANT_UNIT}}</select>
    <button type="submit">Cấp</button>
  </form>
  {{#CAN_MANAGE_ACCESS}}<h2>Đăng nhập</h2>
  <form method="post" action="/officials/{{ID}}/unlock" class="inline">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button type="submit" class="secondary">Mở khóa đăng nhập</button>
  </form>
  <form method="post" action="/officials/{{ID}}/password-reset">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="reset_password">Đặt lại mật khẩu: mật khẩu tạm thời (để trống để hệ thống tạo)</label>
    <input id="reset_password" name="password" type="password" minlength="10" autocomplete="new-password">
    <button type="submit" class="secondary">Đặt lại mật khẩu</button>
  </form>
  <p class="hint">Cán bộ phải đổi mật khẩu tạm thời ở lần đăng nhập tiếp theo; các phiên đăng nhập đang mở của cán bộ bị kết thúc.</p>{{/CAN_MANAGE_ACCESS}}{{/IS_EDIT}}
</section>
