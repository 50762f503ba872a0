{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="{{UNIT_URL}}">← {{UNIT_NAME}}</a></p>
  <h1>{{TITLE}}</h1>
  <p class="lead">Phương châm và quy tắc ứng xử hiện trên trang danh bạ công khai của {{UNIT_NAME}} (<a href="{{DIRECTORY_URL}}">{{DIRECTORY_URL}}</a>). Mỗi đơn vị có nội dung riêng, không lấy của đơn vị cấp trên. Để trống nếu không công khai.</p>
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#MOTTOS_INVALID}} field-invalid{{/MOTTOS_INVALID}}">
      <label for="mottos">Phương châm</label>
      <p class="hint" id="mottos-hint">Mỗi phương châm một dòng, ví dụ: Lắng nghe – Thấu hiểu – Chia sẻ – Hướng dẫn. Tối đa {{MAX_MOTTOS}} ký tự.</p>
      {{#MOTTOS_INVALID}}<p class="field-error" id="mottos-error"><span class="visually-hidden">Lỗi: </span>{{MOTTOS_ERROR}}</p>{{/MOTTOS_INVALID}}
      <textarea id="mottos" name="mottos" rows="4" aria-describedby="mottos-hint{{#MOTTOS_INVALID}} mottos-error{{/MOTTOS_INVALID}}"{{#MOTTOS_INVALID}} aria-invalid="true"{{/MOTTOS_INVALID}}>{{MOTTOS}}</textarea>
    </div>
    <div class="field{{#CONDUCT_INVALID}} field-invalid{{/CONDUCT_INVALID}}">
      <label for="conduct">Quy tắc ứng xử</label>
      <p class="hint" id="conduct-hint">Mỗi quy tắc một dòng. Tối đa {{MAX_CONDUCT}} ký tự.</p>
      {{#CONDUCT_INVALID}}<p class="field-error" id="conduct-error"><span class="visually-hidden">Lỗi: </span>{{CONDUCT_ERROR}}</p>{{/CONDUCT_INVALID}}
      <textarea id="conduct" name="conduct" rows="10" aria-describedby="conduct-hint{{#CONDUCT_INVALID}} conduct-error{{/CONDUCT_INVALID}}"{{#CONDUCT_INVALID}} aria-invalid="true"{{/CONDUCT_INVALID}}>{{CONDUCT}}</textarea>
    </div>
    <div class="actions"><button type="submit">Lưu</button></div>
  </form>
</section>
