{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk/notify/templates">← Mẫu tin nhắn</a></p>
  <h1>Mẫu {{CHANNEL_LABEL}}: {{EVENT_LABEL}}</h1>
  <p>{{#OTHER}}Xem mẫu <a href="/desk/notify/templates/{{EVENT}}?channel={{CHANNEL}}">{{LABEL}}</a> của việc này.{{/OTHER}}</p>
  <p id="placeholders">Chỗ điền dùng được: {{PLACEHOLDERS}}. Khi gửi, mỗi chỗ điền được thay bằng thông tin của hồ sơ.</p>
  {{#CAN_EDIT}}<form method="post" action="/desk/notify/templates/{{EVENT}}?channel={{CHANNEL}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{#IS_EMAIL}}<div class="field{{#SUBJECT_INVALID}} field-invalid{{/SUBJECT_INVALID}}">
      <label for="subject">Tiêu đề thư</label>
      {{#SUBJECT_INVALID}}<p class="field-error" id="subject-error"><span class="visually-hidden">Lỗi: </span>{{SUBJECT_ERROR}}</p>{{/SUBJECT_INVALID}}
      <input id="subject" name="subject" maxlength="200" value="{{SUBJECT}}" aria-describedby="placeholders{{#SUBJECT_INVALID}} subject-error{{/SUBJECT_INVALID}}"{{#SUBJECT_INVALID}} aria-invalid="true"{{/SUBJECT_INVALID}}>
    </div>{{/IS_EMAIL}}
    <div class="field{{#BODY_INVALID}} field-invalid{{/BODY_INVALID}}">
      <label for="body">Nội dung</label>
      {{#BODY_INVALID}}<p class="field-error" id="body-error"><span class="visually-hidden">Lỗi: </span>{{BODY_ERROR}}</p>{{/BODY_INVALID}}
      <textarea id="body" name="body" rows="8" maxlength="2000" aria-describedby="placeholders{{#BODY_INVALID}} body-error{{/BODY_INVALID}}"{{#BODY_INVALID}} aria-invalid="true"{{/BODY_INVALID}}>{{BODY:pre_escape}}</textarea>
    </div>
    <div class="actions">
      <button type="submit" name="action" value="preview" class="secondary">Xem trước</button>
      <button type="submit" name="action" value="save">Lưu phiên bản mới</button>
    </div>
  </form>{{/CAN_EDIT}}
  {{#READ_ONLY}}<p>Chỉ quản trị viên cấp tỉnh mới sửa được mẫu.</p>
  {{#IS_EMAIL}}<p>Tiêu đề thư: {{SUBJECT}}</p>{{/IS_EMAIL}}
  <p>{{#BODY_LINE}}{{TEXT}}<br>{{/BODY_LINE}}</p>{{/READ_ONLY}}
  {{#PREVIEW}}<section aria-labelledby="preview-title">
    <h2 id="preview-title">Xem trước (với một hồ sơ mẫu)</h2>
    {{#IS_EMAIL}}<p>Tiêu đề thư: {{PREVIEW_SUBJECT}}</p>{{/IS_EMAIL}}
    <p id="preview-body">{{#PREVIEW_LINE}}{{TEXT}}<br>{{/PREVIEW_LINE}}</p>
    {{#SEGMENTS}}<p>{{TEXT}}</p>{{/SEGMENTS}}
  </section>{{/PREVIEW}}
  <h2>Các phiên bản đã lưu</h2>
  {{#NO_VERSIONS}}<p>Chưa lưu phiên bản nào: đang dùng mẫu có sẵn.</p>{{/NO_VERSIONS}}
  {{#HAS_VERSIONS}}<div class="table-wrap" role="region" aria-labelledby="versions-caption" tabindex="0"><table class="stack">
    <caption id="versions-caption">Mới nhất trước; phiên bản đầu bảng đang được dùng</caption>
    <thead><tr><th scope="col">Phiên bản</th><th scope="col">Lúc lưu</th><th scope="col">Nội dung</th></tr></thead>
    <tbody>{{#VERSION}}<tr><td data-label="Phiên bản">{{N}}</td><td data-label="Lúc lưu">{{AT}}</td><td data-label="Nội dung">{{#IS_EMAIL}}{{SUBJECT}}<br>{{/IS_EMAIL}}<span class="pre-line">{{BODY:pre_escape}}</span></td></tr>{{/VERSION}}</tbody>
  </table></div>{{/HAS_VERSIONS}}
</section>
