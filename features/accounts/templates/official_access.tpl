{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Đăng nhập của cán bộ</h1>
  {{#HAS_MESSAGE}}<div class="notice" role="status">{{MESSAGE}}</div>{{/HAS_MESSAGE}}
  {{#HAS_ERROR}}<div class="alert" role="alert">{{ERROR}}</div>{{/HAS_ERROR}}
  {{#HAS_PASSWORD}}<p>Mật khẩu tạm thời (chỉ hiển thị một lần, hãy trao trực tiếp cho cán bộ):</p>
  <p><code id="temporary-password">{{PASSWORD}}</code></p>{{/HAS_PASSWORD}}
  <p><a href="/officials/{{ID}}">← Quay lại hồ sơ cán bộ</a></p>
</section>
