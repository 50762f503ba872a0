{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Đổi mật khẩu</h1>
  {{#DONE}}<div class="notice" role="status">Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã bị đăng xuất. <a href="/dashboard">Vào trang làm việc</a></div>{{/DONE}}
  {{#MUST_CHANGE}}<div class="notice" role="status" id="must-change">Quản trị viên đã đặt cho bạn một mật khẩu tạm thời. Hãy đặt mật khẩu mới của riêng bạn trước khi làm việc tiếp: nhập mật khẩu tạm thời vào ô «Mật khẩu hiện tại».</div>{{/MUST_CHANGE}}
  {{#HAS_ERROR}}<div class="alert" role="alert">{{ERROR}}</div>{{/HAS_ERROR}}
  <form method="post" action="/account/password">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="current_password">Mật khẩu hiện tại</label>
    <input id="current_password" name="current_password" type="password" autocomplete="current-password" required>
    <label for="password">Mật khẩu mới (ít nhất 10 ký tự)</label>
    <input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required>
    <label for="confirm_password">Nhập lại mật khẩu mới</label>
    <input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" required>
    <button type="submit">Đổi mật khẩu</button>
  </form>
</section>
