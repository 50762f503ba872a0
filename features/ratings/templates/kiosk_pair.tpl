{{%AUTOESCAPE context="HTML"}}<section class="panel narrow kiosk">
  <h1>Ghép nối máy tính bảng</h1>
  <p class="lead">Cán bộ tạo mã ghép nối ở trang “Máy tính bảng đánh giá” (mục Đánh giá), rồi nhập mã 6 chữ số vào đây. Mã dùng được 10 phút và một lần.</p>
  <form method="post" action="/kiosk/ghep-noi" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#CODE_INVALID}} field-invalid{{/CODE_INVALID}}">
      <label for="code">Mã ghép nối</label>
      {{#CODE_INVALID}}<p class="field-error" id="code-error"><span class="visually-hidden">Lỗi: </span>{{CODE_ERROR}}</p>{{/CODE_INVALID}}
      <input id="code" name="code" inputmode="numeric" autocomplete="off" maxlength="12" size="8" value="{{CODE}}"{{#CODE_INVALID}} aria-invalid="true" aria-describedby="code-error"{{/CODE_INVALID}}>
    </div>
    <button type="submit" class="big">Ghép nối</button>
  </form>
</section>
