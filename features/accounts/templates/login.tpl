{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Đăng nhập</h1>
  <p class="lead">Dành cho cán bộ, công chức và người đánh giá. Người dân không cần đăng nhập để tra cứu.</p>
  <form method="post" action="/dang-nhap" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="next" value="{{NEXT}}">
    <div class="field{{#USERNAME_INVALID}} field-invalid{{/USERNAME_INVALID}}">
      <label for="username">Tên đăng nhập</label>
      {{#USERNAME_INVALID}}<p class="field-error" id="username-error"><span class="visually-hidden">Lỗi: </span>{{USERNAME_ERROR}}</p>{{/USERNAME_INVALID}}
      <input id="username" name="username" autocomplete="username" spellcheck="false" value="{{USERNAME}}"{{#USERNAME_INVALID}} aria-invalid="true" aria-describedby="username-error"{{/USERNAME_INVALID}}>
    </div>
    <div class="field{{#PASSWORD_INVALID}} field-invalid{{/PASSWORD_INVALID}}">
      <label for="password">Mật khẩu</label>
      {{#PASSWORD_INVALID}}<p class="field-error" id="password-error"><span class="visually-hidden">Lỗi: </span>{{PASSWORD_ERROR}}</p>{{/PASSWORD_INVALID}}
      <input id="password" name="password" type="password" autocomplete="current-password"{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_INVALID}}>
    </div>
    <button type="submit">Đăng nhập</button>
  </form>
  <h2>Không đăng nhập được?</h2>
  <p>Nhập sai mật khẩu 5 lần liên tiếp, tài khoản tạm dừng đăng nhập từ máy này 1 phút (lâu hơn nếu tiếp tục sai).
  Quên mật khẩu hoặc bị khóa: hãy liên hệ quản trị viên hệ thống của đơn vị bạn (cơ quan đã cấp tài khoản);
  quản trị viên có thể mở khóa hoặc đặt lại mật khẩu cho bạn.</p>
</section>
