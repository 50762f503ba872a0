{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Ghi nhận góp ý mới</h1>
  <p class="lead">Góp ý nhận qua đường dây nóng, trực tiếp, thư điện tử, Zalo, Facebook hoặc tại buổi đối thoại. Thời hạn trả lời tính từ lúc ghi nhận.</p>
  <form method="post" action="/feedback/moi" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#UNIT_CODE_INVALID}} field-invalid{{/UNIT_CODE_INVALID}}">
      <label for="unit_code">Đơn vị</label>
      {{#UNIT_CODE_INVALID}}<p class="field-error" id="unit_code-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_CODE_ERROR}}</p>{{/UNIT_CODE_INVALID}}
      <select id="unit_code" name="unit_code"{{#UNIT_CODE_INVALID}} aria-describedby="unit_code-error" aria-invalid="true"{{/UNIT_CODE_INVALID}}>{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    </div>
    <div class="field{{#CHANNEL_INVALID}} field-invalid{{/CHANNEL_INVALID}}">
      <label for="channel">Nhận qua</label>
      {{#CHANNEL_INVALID}}<p class="field-error" id="channel-error"><span class="visually-hidden">Lỗi: </span>{{CHANNEL_ERROR}}</p>{{/CHANNEL_INVALID}}
      <select id="channel" name="channel"{{#CHANNEL_INVALID}} aria-describedby="channel-error" aria-invalid="true"{{/CHANNEL_INVALID}}>{{#CHANNEL}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/CHANNEL}}</select>
    </div>
    <div class="field{{#FEEDBACK_KIND_INVALID}} field-invalid{{/FEEDBACK_KIND_INVALID}}">
      <label for="feedback_kind">Loại</label>
      {{#FEEDBACK_KIND_INVALID}}<p class="field-error" id="feedback_kind-error"><span class="visually-hidden">Lỗi: </span>{{FEEDBACK_KIND_ERROR}}</p>{{/FEEDBACK_KIND_INVALID}}
      <select id="feedback_kind" name="feedback_kind"{{#FEEDBACK_KIND_INVALID}} aria-describedby="feedback_kind-error" aria-invalid="true"{{/FEEDBACK_KIND_INVALID}}>{{#KIND}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>
    </div>
    <div class="field{{#CATEGORY_INVALID}} field-invalid{{/CATEGORY_INVALID}}">
      <label for="category">Lĩnh vực</label>
      {{#CATEGORY_INVALID}}<p class="field-error" id="category-error"><span class="visually-hidden">Lỗi: </span>{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
      <select id="category" name="category"{{#CATEGORY_INVALID}} aria-describedby="category-error" aria-invalid="true"{{/CATEGORY_INVALID}}>{{#CATEGORY}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/CATEGORY}}</select>
    </div>
    <div class="field{{#FEEDBACK_TITLE_INVALID}} field-invalid{{/FEEDBACK_TITLE_INVALID}}">
      <label for="feedback_title">Tiêu đề</label>
      {{#FEEDBACK_TITLE_INVALID}}<p class="field-error" id="feedback_title-error"><span class="visually-hidden">Lỗi: </span>{{FEEDBACK_TITLE_ERROR}}</p>{{/FEEDBACK_TITLE_INVALID}}
      <input id="feedback_title" name="feedback_title" maxlength="200" value="{{FEEDBACK_TITLE}}"{{#FEEDBACK_TITLE_INVALID}} aria-describedby="feedback_title-error" aria-invalid="true"{{/FEEDBACK_TITLE_INVALID}}>
    </div>
    <div class="field{{#CONTENT_INVALID}} field-invalid{{/CONTENT_INVALID}}">
      <label for="content">Nội dung</label>
      {{#CONTENT_INVALID}}<p class="field-error" id="content-error"><span class="visually-hidden">Lỗi: </span>{{CONTENT_ERROR}}</p>{{/CONTENT_INVALID}}
      <textarea id="content" name="content" rows="6" maxlength="5000"{{#CONTENT_INVALID}} aria-describedby="content-error" aria-invalid="true"{{/CONTENT_INVALID}}>{{CONTENT}}</textarea>
    </div>
    <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
      <label for="name">Họ và tên người gửi (không bắt buộc, trừ khiếu nại)</label>
      {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
      <input id="name" name="name" maxlength="100" value="{{NAME}}"{{#NAME_INVALID}} aria-describedby="name-error" aria-invalid="true"{{/NAME_INVALID}}>
    </div>
    <div class="field{{#PHONE_INVALID}} field-invalid{{/PHONE_INVALID}}">
      <label for="phone">Số điện thoại</label>
      {{#PHONE_INVALID}}<p class="field-error" id="phone-error"><span class="visually-hidden">Lỗi: </span>{{PHONE_ERROR}}</p>{{/PHONE_INVALID}}
      <input id="phone" name="phone" type="tel" maxlength="20" value="{{PHONE}}"{{#PHONE_INVALID}} aria-describedby="phone-error" aria-invalid="true"{{/PHONE_INVALID}}>
    </div>
    <div class="field{{#EMAIL_INVALID}} field-invalid{{/EMAIL_INVALID}}">
      <label for="email">Thư điện tử</label>
      {{#EMAIL_INVALID}}<p class="field-error" id="email-error"><span class="visually-hidden">Lỗi: </span>{{EMAIL_ERROR}}</p>{{/EMAIL_INVALID}}
      <input id="email" name="email" type="email" maxlength="200" value="{{EMAIL}}"{{#EMAIL_INVALID}} aria-describedby="email-error" aria-invalid="true"{{/EMAIL_INVALID}}>
    </div>
    <div class="field{{#ADDRESS_INVALID}} field-invalid{{/ADDRESS_INVALID}}">
      <label for="address">Địa chỉ</label>
      {{#ADDRESS_INVALID}}<p class="field-error" id="address-error"><span class="visually-hidden">Lỗi: </span>{{ADDRESS_ERROR}}</p>{{/ADDRESS_INVALID}}
      <input id="address" name="address" maxlength="300" value="{{ADDRESS}}"{{#ADDRESS_INVALID}} aria-describedby="address-error" aria-invalid="true"{{/ADDRESS_INVALID}}>
    </div>
    <div class="field{{#DOSSIER_CODE_INVALID}} field-invalid{{/DOSSIER_CODE_INVALID}}">
      <label for="dossier_code">Mã hồ sơ liên quan (không bắt buộc)</label>
      {{#DOSSIER_CODE_INVALID}}<p class="field-error" id="dossier_code-error"><span class="visually-hidden">Lỗi: </span>{{DOSSIER_CODE_ERROR}}</p>{{/DOSSIER_CODE_INVALID}}
      <input id="dossier_code" name="dossier_code" maxlength="100" value="{{DOSSIER_CODE}}"{{#DOSSIER_CODE_INVALID}} aria-describedby="dossier_code-error" aria-invalid="true"{{/DOSSIER_CODE_INVALID}}>
    </div>
    <div class="actions">
      <button type="submit">Ghi nhận</button>
      <a class="button secondary" href="/feedback">Hủy</a>
    </div>
  </form>
</section>
