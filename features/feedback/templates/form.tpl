{{%AUTOESCAPE context="HTML"}}<section class="panel narrow feedback-form">
  <h1>Gửi phản ánh, kiến nghị</h1>
  <p class="lead">Không cần đăng nhập. Sau khi gửi, ông/bà nhận một mã để tra cứu tiến độ và câu trả lời.</p>
  <form method="post" action="/gop-y" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{#FIXED_UNIT}}<input type="hidden" name="unit_code" value="{{UNIT_CODE}}">
    <p>Gửi đến: <strong>{{UNIT_NAME}}</strong></p>{{/FIXED_UNIT}}
    {{#CHOOSE_UNIT}}<div class="field{{#UNIT_CODE_INVALID}} field-invalid{{/UNIT_CODE_INVALID}}">
      <label for="unit_code">Gửi đến đơn vị</label>
      {{#UNIT_CODE_INVALID}}<p class="field-error" id="unit_code-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_CODE_ERROR}}</p>{{/UNIT_CODE_INVALID}}
      <select id="unit_code" name="unit_code"{{#UNIT_CODE_INVALID}} aria-describedby="unit_code-error" aria-invalid="true"{{/UNIT_CODE_INVALID}}>{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    </div>{{/CHOOSE_UNIT}}
    <div class="field{{#FEEDBACK_KIND_INVALID}} field-invalid{{/FEEDBACK_KIND_INVALID}}">
      <label for="feedback_kind">Loại</label>
      <p class="hint" id="feedback_kind-hint">Phản ánh: báo một việc chưa đúng, chưa tốt. Kiến nghị: đề xuất cách làm. Khiếu nại: đề nghị xem lại một quyết định, việc làm liên quan đến mình (cần họ tên và cách liên lạc). Tố cáo: báo một hành vi vi phạm pháp luật.</p>
      {{#FEEDBACK_KIND_INVALID}}<p class="field-error" id="feedback_kind-error"><span class="visually-hidden">Lỗi: </span>{{FEEDBACK_KIND_ERROR}}</p>{{/FEEDBACK_KIND_INVALID}}
      <select id="feedback_kind" name="feedback_kind" aria-describedby="feedback_kind-hint{{#FEEDBACK_KIND_INVALID}} feedback_kind-error{{/FEEDBACK_KIND_INVALID}}"{{#FEEDBACK_KIND_INVALID}} aria-invalid="true"{{/FEEDBACK_KIND_INVALID}}>{{#KIND}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>
    </div>
    <div class="field{{#CATEGORY_INVALID}} field-invalid{{/CATEGORY_INVALID}}">
      <label for="category">Lĩnh vực</label>
      {{#CATEGORY_INVALID}}<p class="field-error" id="category-error"><span class="visually-hidden">Lỗi: </span>{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
      <select id="category" name="category"{{#CATEGORY_INVALID}} aria-describedby="category-error" aria-invalid="true"{{/CATEGORY_INVALID}}>{{#CATEGORY}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/CATEGORY}}</select>
    </div>
    <div class="field{{#FEEDBACK_TITLE_INVALID}} field-invalid{{/FEEDBACK_TITLE_INVALID}}">
      <label for="feedback_title">Tiêu đề</label>
      <p class="hint" id="feedback_title-hint">Một câu ngắn, ví dụ: Đèn đường ấp 3 bị hỏng.</p>
      {{#FEEDBACK_TITLE_INVALID}}<p class="field-error" id="feedback_title-error"><span class="visually-hidden">Lỗi: </span>{{FEEDBACK_TITLE_ERROR}}</p>{{/FEEDBACK_TITLE_INVALID}}
      <input id="feedback_title" name="feedback_title" maxlength="200" value="{{FEEDBACK_TITLE}}" aria-describedby="feedback_title-hint{{#FEEDBACK_TITLE_INVALID}} feedback_title-error{{/FEEDBACK_TITLE_INVALID}}"{{#FEEDBACK_TITLE_INVALID}} aria-invalid="true"{{/FEEDBACK_TITLE_INVALID}}>
    </div>
    <div class="field{{#CONTENT_INVALID}} field-invalid{{/CONTENT_INVALID}}">
      <label for="content">Nội dung</label>
      <p class="hint" id="content-hint">Việc gì, ở đâu, từ khi nào. Tối đa 5000 ký tự.</p>
      {{#CONTENT_INVALID}}<p class="field-error" id="content-error"><span class="visually-hidden">Lỗi: </span>{{CONTENT_ERROR}}</p>{{/CONTENT_INVALID}}
      <textarea id="content" name="content" rows="6" maxlength="5000" aria-describedby="content-hint{{#CONTENT_INVALID}} content-error{{/CONTENT_INVALID}}"{{#CONTENT_INVALID}} aria-invalid="true"{{/CONTENT_INVALID}}>{{CONTENT}}</textarea>
    </div>
    <div class="field{{#PHOTO_INVALID}} field-invalid{{/PHOTO_INVALID}}">
      <label for="photo">Ảnh (không bắt buộc)</label>
      <p class="hint" id="photo-hint">Tối đa 3 ảnh JPEG hoặc PNG, mỗi ảnh không quá 4 MB. Ảnh chỉ cán bộ xử lý xem, không công khai.{{#PHOTOS_LOST}} Hãy chọn lại ảnh: ảnh đã chọn chưa được gửi.{{/PHOTOS_LOST}}</p>
      {{#PHOTO_INVALID}}<p class="field-error" id="photo-error"><span class="visually-hidden">Lỗi: </span>{{PHOTO_ERROR}}</p>{{/PHOTO_INVALID}}
      <input type="file" id="photo" name="photo" accept="image/jpeg,image/png" multiple aria-describedby="photo-hint{{#PHOTO_INVALID}} photo-error{{/PHOTO_INVALID}}"{{#PHOTO_INVALID}} aria-invalid="true"{{/PHOTO_INVALID}}>
    </div>
    <fieldset class="group">
      <legend>Thông tin liên lạc (không bắt buộc, trừ khi khiếu nại)</legend>
      <p class="hint">Để nhận câu trả lời qua tin nhắn hoặc thư. Không bao giờ công khai.</p>
      <div class="field{{#PHONE_INVALID}} field-invalid{{/PHONE_INVALID}}">
        <label for="phone">Số điện thoại</label>
        {{#PHONE_INVALID}}<p class="field-error" id="phone-error"><span class="visually-hidden">Lỗi: </span>{{PHONE_ERROR}}</p>{{/PHONE_INVALID}}
        <input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" maxlength="20" value="{{PHONE}}"{{#PHONE_INVALID}} aria-describedby="phone-error" aria-invalid="true"{{/PHONE_INVALID}}>
      </div>
      <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
        <label for="name">Họ và tên</label>
        {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
        <input id="name" name="name" autocomplete="name" maxlength="100" value="{{NAME}}"{{#NAME_INVALID}} aria-describedby="name-error" aria-invalid="true"{{/NAME_INVALID}}>
      </div>
      <div class="field{{#EMAIL_INVALID}} field-invalid{{/EMAIL_INVALID}}">
        <label for="email">Thư điện tử</label>
        {{#EMAIL_INVALID}}<p class="field-error" id="email-error"><span class="visually-hidden">Lỗi: </span>{{EMAIL_ERROR}}</p>{{/EMAIL_INVALID}}
        <input id="email" name="email" type="email" autocomplete="email" maxlength="200" value="{{EMAIL}}"{{#EMAIL_INVALID}} aria-describedby="email-error" aria-invalid="true"{{/EMAIL_INVALID}}>
      </div>
      <div class="field{{#ADDRESS_INVALID}} field-invalid{{/ADDRESS_INVALID}}">
        <label for="address">Địa chỉ</label>
        {{#ADDRESS_INVALID}}<p class="field-error" id="address-error"><span class="visually-hidden">Lỗi: </span>{{ADDRESS_ERROR}}</p>{{/ADDRESS_INVALID}}
        <input id="address" name="address" autocomplete="street-address" maxlength="300" value="{{ADDRESS}}"{{#ADDRESS_INVALID}} aria-describedby="address-error" aria-invalid="true"{{/ADDRESS_INVALID}}>
      </div>
    </fieldset>
    <button type="submit" class="big">Gửi</button>
  </form>
  <p><a href="/gop-y/tra-cuu">Tra cứu góp ý đã gửi</a></p>
</section>
