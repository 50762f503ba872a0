{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="{{LETTER_URL}}">← Trở lại thư</a></p>
  <h1>{{HEADING}}</h1>
  {{#FROZEN}}<p class="lead" id="letter-frozen">Thư này {{STATE}}: nội dung không sửa được nữa.</p>
  <h2>Tên thư</h2><p>{{TITLE_VALUE}}</p>
  <h2>Mặt trước</h2><pre class="letter-source">{{FRONT}}</pre>
  <h2>Mặt sau</h2><pre class="letter-source">{{BACK}}</pre>{{/FROZEN}}
  {{#CAN_EDIT}}<p class="lead">Sửa nội dung của riêng bản nháp này (ví dụ sửa tên người nhận, thêm một câu). Mẫu thư của đơn vị không thay đổi. Sau khi ký ban hành, nội dung thư không sửa được nữa.</p>
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="revision" value="{{REVISION}}">
    <div class="field{{#TITLE_INVALID}} field-invalid{{/TITLE_INVALID}}">
      <label for="title">Tên thư</label>
      {{#TITLE_INVALID}}<p class="field-error" id="title-error"><span class="visually-hidden">Lỗi: </span>{{TITLE_ERROR}}</p>{{/TITLE_INVALID}}
      <input id="title" name="title" maxlength="120" value="{{TITLE_VALUE}}"{{#TITLE_INVALID}} aria-invalid="true" aria-describedby="title-error"{{/TITLE_INVALID}}>
    </div>
    <div class="field{{#FRONT_INVALID}} field-invalid{{/FRONT_INVALID}}">
      <label for="front">Nội dung mặt trước</label>
      <p class="hint" id="front-hint">Đoạn văn cách nhau bằng một dòng trống.</p>
      {{#FRONT_INVALID}}<p class="field-error" id="front-error"><span class="visually-hidden">Lỗi: </span>{{FRONT_ERROR}}</p>{{/FRONT_INVALID}}
      <textarea id="front" name="front" rows="14" maxlength="6000" aria-describedby="front-hint{{#FRONT_INVALID}} front-error{{/FRONT_INVALID}}"{{#FRONT_INVALID}} aria-invalid="true"{{/FRONT_INVALID}}>{{FRONT}}</textarea>
    </div>
    <div class="field{{#BACK_INVALID}} field-invalid{{/BACK_INVALID}}">
      <label for="back">Nội dung mặt sau (không bắt buộc)</label>
      {{#BACK_INVALID}}<p class="field-error" id="back-error"><span class="visually-hidden">Lỗi: </span>{{BACK_ERROR}}</p>{{/BACK_INVALID}}
      <textarea id="back" name="back" rows="8" maxlength="6000"{{#BACK_INVALID}} aria-invalid="true" aria-describedby="back-error"{{/BACK_INVALID}}>{{BACK}}</textarea>
    </div>
    <button type="submit">Lưu nội dung bản nháp</button>
  </form>{{/CAN_EDIT}}
</section>
