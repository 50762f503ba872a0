{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Đổi mật khẩu</h1>
  {{#MUST_CHANGE}}<div class="notice" id="must-change">Quản trị viên đã đặt cho bạn một mật khẩu tạm thời. Hãy đặt mật khẩu mới của riêng bạn trước khi làm việc tiếp: nhập mật khẩu tạm thời vào ô «Mật khẩu hiện tại».</div>{{/MUST_CHANGE}}
  <form method="post" action="/account/password" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#CURRENT_PASSWORD_INVALID}} field-invalid{{/CURRENT_PASSWORD_INVALID}}">
      <label for="current_password">Mật khẩu hiện tại</label>
      {{#CURRENT_PASSWORD_INVALID}}<p class="field-error" id="current_password-error"><span class="visually-hidden">Lỗi: </span>{{CURRENT_PASSWORD_ERROR}}</p>{{/CURRENT_PASSWORD_INVALID}}
      <input id="current_password" name="current_password" type="password" autocomplete="current-password"{{#CURRENT_PASSWORD_INVALID}} aria-invalid="true" aria-describedby="current_password-error"{{/CURRENT_PASSWORD_INVALID}}>
    </div>
    <div class="field{{#PASSWORD_INVALID}} field-invalid{{/PASSWORD_INVALID}}">
      <label for="password">Mật khẩu mới</label>
      <p class="hint" id="password-hint">Ít nhất 10 ký tự. Nên dùng một câu dễ nhớ với bạn nhưng khó đoán với người khác.</p>
      {{#PASSWORD_INVALID}}<p class="field-error" id="password-error"><span class="visually-hidden">Lỗi: </span>{{PASSWORD_ERROR}}</p>{{/PASSWORD_INVALID}}
      <input id="password" name="password" type="password" autocomplete="new-password" aria-describedby="password-hint{{#PASSWORD_INVALID}} password-error{{/PASSWORD_INVALID}}"{{#PASSWORD_INVALID}} aria-invalid="true"{{/PASSWORD_INVALID}}>
    </div>
    <div class="field{{#CONFIRM_PASSWORD_INVALID}} field-invalid{{/CONFIRM_PASSWORD_INVALID}}">
      <label for="confirm_password">Nhập lại mật khẩu mới</label>
      {{#CONFIRM_PASSWORD_INVALID}}<p class="field-error" id="confirm_password-error"><span class="visually-hidden">Lỗi: </span>{{CONFIRM_PASSWORD_ERROR}}</p>{{/CONFIRM_PASSWORD_INVALID}}
      <input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password"{{#CONFIRM_PASSWORD_INVALID}} aria-invalid="true" aria-describedby="confirm_password-error"{{/CONFIRM_PASSWORD_INVALID}}>
    </div>
    <button type="submit">Đổi mật khẩu</button>
  </form>
</section>
