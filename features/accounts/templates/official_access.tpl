{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Mật khẩu tạm thời</h1>
  <p>Mật khẩu tạm thời chỉ hiển thị một lần; hãy trao trực tiếp cho cán bộ, không gửi qua tin nhắn công khai:</p>
  <p><code id="temporary-password">{{PASSWORD}}</code></p>
  <p class="back"><a href="/officials/{{ID}}">← Quay lại hồ sơ cán bộ</a></p>
</section>
