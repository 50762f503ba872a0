{{%AUTOESCAPE context="HTML"}}<section class="panel error">
  <h1>{{TITLE}}</h1>
  <p class="lead">{{MESSAGE}}</p>
  <p>Mã lỗi: {{STATUS}}.</p>
  <p><a class="button" href="/">Về trang chủ</a>{{#ANONYMOUS}} <a class="button secondary" href="/login">Đăng nhập</a>{{/ANONYMOUS}}</p>
</section>
