{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="{{BACK_URL}}">← {{BACK_LABEL}}</a></p>
  <h1>{{TITLE}}</h1>
  <p class="lead">Chọn những thông tin của {{FULL_NAME}} được hiện trong danh bạ công khai của {{UNIT_NAME}} (trang <a href="{{DIRECTORY_URL}}">{{DIRECTORY_URL}}</a>). Thông tin không được chọn sẽ không bao giờ hiện ra với người dân.</p>
  <dl class="summary">
    <div><dt>Họ và tên</dt><dd>{{FULL_NAME}}</dd></div>
    <div><dt>Chức vụ</dt><dd>{{POSITION}}</dd></div>
    <div><dt>Điện thoại</dt><dd>{{PHONE}}</dd></div>
    <div><dt>Thư điện tử</dt><dd>{{EMAIL}}</dd></div>
  </dl>
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <fieldset>
        <legend>Đồng ý công khai</legend>
        <label class="check"><input type="checkbox" id="listed" name="listed" value="1"{{#LISTED_ON}} checked{{/LISTED_ON}}> Có tên trong danh bạ (không chọn: không hiện gì cả)</label>
        <label class="check"><input type="checkbox" name="position" value="1"{{#POSITION_ON}} checked{{/POSITION_ON}}> Chức vụ</label>
        <label class="check"><input type="checkbox" name="phone" value="1"{{#PHONE_ON}} checked{{/PHONE_ON}}> Số điện thoại</label>
        <label class="check"><input type="checkbox" name="email" value="1"{{#EMAIL_ON}} checked{{/EMAIL_ON}}> Thư điện tử</label>
        <label class="check"><input type="checkbox" name="hours" value="1"{{#HOURS_ON}} checked{{/HOURS_ON}}> Giờ tiếp dân (ghi ở ô dưới)</label>
        <label class="check"><input type="checkbox" id="publish-photo" name="photo" value="1"{{#PHOTO_ON}} checked{{/PHOTO_ON}}> Ảnh (nếu có; <a href="/officials/{{ID}}/anh">tải ảnh lên</a>)</label>
      </fieldset>
    </div>
    <div class="field{{#HOURS_TEXT_INVALID}} field-invalid{{/HOURS_TEXT_INVALID}}">
      <label for="hours_text">Giờ tiếp dân</label>
      <p class="hint" id="hours_text-hint">Ví dụ: Sáng thứ Hai và thứ Năm, 7:30 – 11:30. Có thể để trống nếu không công khai.</p>
      {{#HOURS_TEXT_INVALID}}<p class="field-error" id="hours_text-error"><span class="visually-hidden">Lỗi: </span>{{HOURS_TEXT_ERROR}}</p>{{/HOURS_TEXT_INVALID}}
      <input id="hours_text" name="hours_text" maxlength="200" value="{{HOURS_TEXT}}" aria-describedby="hours_text-hint{{#HOURS_TEXT_INVALID}} hours_text-error{{/HOURS_TEXT_INVALID}}"{{#HOURS_TEXT_INVALID}} aria-invalid="true"{{/HOURS_TEXT_INVALID}}>
    </div>
    <div class="field{{#SORT_ORDER_INVALID}} field-invalid{{/SORT_ORDER_INVALID}}">
      <label for="sort_order">Thứ tự trong danh bạ</label>
      <p class="hint" id="sort_order-hint">Số nhỏ đứng trước, ví dụ 1 cho Bí thư, 2 cho Chủ tịch, 3 cho Phó Chủ tịch. Có thể để trống (100).</p>
      {{#SORT_ORDER_INVALID}}<p class="field-error" id="sort_order-error"><span class="visually-hidden">Lỗi: </span>{{SORT_ORDER_ERROR}}</p>{{/SORT_ORDER_INVALID}}
      <input id="sort_order" name="sort_order" inputmode="numeric" maxlength="3" value="{{SORT_ORDER}}" aria-describedby="sort_order-hint{{#SORT_ORDER_INVALID}} sort_order-error{{/SORT_ORDER_INVALID}}"{{#SORT_ORDER_INVALID}} aria-invalid="true"{{/SORT_ORDER_INVALID}}>
    </div>
    <div class="actions"><button type="submit">Lưu</button></div>
  </form>
</section>
