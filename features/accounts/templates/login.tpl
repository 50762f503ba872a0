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
  <p class="hint">Nhập sai mật khẩu 5 lần liên tiếp, máy này phải đợi 1 phút mới thử lại được (lâu hơn nếu tiếp tục sai).
  Quên mật khẩu hoặc không đăng nhập được: hãy liên hệ quản trị viên hệ thống của đơn vị bạn (cơ quan đã cấp tài khoản);
  quản trị viên có thể mở khóa hoặc đặt lại mật khẩu cho bạn.</p>
</section>
