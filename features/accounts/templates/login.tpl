{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Đăng nhập</h1>
  <p class="lead">Dành cho cán bộ, công chức và người đánh giá.</p>
  {{#HAS_ERROR}}<div class="alert" role="alert" id="login-error">{{ERROR}}</div>{{/HAS_ERROR}}
  <form method="post" action="/login" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="next" value="{{NEXT}}">
    <label for="username">Tên đăng nhập</label>
    <input id="username" name="username" autocomplete="username" required value="{{USERNAME}}" autofocus>
    <label for="password">Mật khẩu</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">Đăng nhập</button>
  </form>
  <p class="hint">Sai mật khẩu 5 lần liên tiếp, tài khoản bị tạm khóa 15 phút.</p>
</section>
