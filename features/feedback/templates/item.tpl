{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p><a href="/feedback">Sổ theo dõi phản ánh, kiến nghị</a></p>
  <h1>Góp ý <span class="code-text" id="item-code">{{CODE}}</span></h1>
  <p class="status-line" id="item-status"><strong>{{STATE}}</strong>{{#LATE}} <strong class="late">(quá hạn)</strong>{{/LATE}}{{#SOON}} <strong>(sắp đến hạn)</strong>{{/SOON}}</p>
  <dl class="summary">
    <div><dt>Loại</dt><dd>{{KIND}}</dd></div>
    <div><dt>Lĩnh vực</dt><dd>{{CATEGORY}}</dd></div>
    <div><dt>Nhận qua</dt><dd>{{CHANNEL}}</dd></div>
    <div><dt>Đơn vị xử lý</dt><dd>{{UNIT}}</dd></div>
    {{#HAS_ASSIGNEE}}<div><dt>Người xử lý</dt><dd>{{ASSIGNEE}}</dd></div>{{/HAS_ASSIGNEE}}
    <div><dt>Ngày tiếp nhận</dt><dd>{{RECEIVED}}</dd></div>
    <div><dt>Hạn trả lời</dt><dd id="item-due">{{DUE}}</dd></div>
    {{#HAS_EXTENSION}}<div><dt>Lý do gia hạn</dt><dd>{{EXTENSION}}</dd></div>{{/HAS_EXTENSION}}
    <div><dt>Người gửi</dt><dd>{{PERSON}}</dd></div>
    {{#HAS_DOSSIER}}<div><dt>Hồ sơ liên quan</dt><dd>{{DOSSIER}}</dd></div>{{/HAS_DOSSIER}}
    {{#HAS_LOOKUP_KEY}}<div><dt>Mã bảo mật tra cứu</dt><dd class="code-text" id="item-lookup-key">{{LOOKUP_KEY}}</dd></div>{{/HAS_LOOKUP_KEY}}
    {{#HAS_MERGED}}<div><dt>Đã gộp vào</dt><dd><a href="{{MERGED_URL}}">{{MERGED}}</a></dd></div>{{/HAS_MERGED}}
  </dl>
  <h2>{{TITLE}}</h2>
  <p class="pre" id="item-content">{{CONTENT}}</p>
  {{#HAS_PHOTOS}}<h3 id="photos-heading">Ảnh người gửi kèm</h3>
  <ul class="photo-list" aria-labelledby="photos-heading">{{#PHOTO}}
    <li><a href="{{URL}}" target="_blank" rel="noopener"><img src="{{URL}}" alt="Ảnh {{N}} người gửi kèm ({{WIDTH}} × {{HEIGHT}})" width="160" loading="lazy"></a></li>{{/PHOTO}}
  </ul>{{/HAS_PHOTOS}}
  {{#HAS_FILES}}<h3 id="files-heading">Tệp người gửi kèm</h3>
  <ul aria-labelledby="files-heading">{{#FILE}}
    <li><a href="{{URL}}" download>{{NAME}}</a> ({{SIZE}}{{#HAS_TYPE}}, {{TYPE}}{{/HAS_TYPE}})</li>{{/FILE}}
  </ul>
  <p class="hint">Tệp được lưu nguyên như người gửi gửi đến. Chỉ mở tệp bằng phần mềm đã cập nhật.</p>{{/HAS_FILES}}
  {{#HAS_DRAFT}}<h2 id="draft-heading">Bản trả lời chờ duyệt</h2><p class="pre" id="item-draft">{{DRAFT}}</p>{{/HAS_DRAFT}}
  {{#HAS_REPLY}}<h2 id="reply-heading">Câu trả lời đã gửi</h2><p class="pre" id="item-reply">{{REPLY}}</p>
  <p>{{#PUBLISHED}}Đã công khai trên trang tra cứu (đã ẩn thông tin cá nhân).{{/PUBLISHED}}{{#PRIVATE}}Chưa công khai.{{/PRIVATE}}</p>{{/HAS_REPLY}}
  {{#CAN_ACT}}<h2 id="act-heading">Xử lý</h2>
  <form method="post" action="{{ACTION_URL}}" novalidate aria-labelledby="act-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#ACTION_INVALID}} field-invalid{{/ACTION_INVALID}}">
      <label for="action">Việc làm</label>
      {{#ACTION_INVALID}}<p class="field-error" id="action-error"><span class="visually-hidden">Lỗi: </span>{{ACTION_ERROR}}</p>{{/ACTION_INVALID}}
      <select id="action" name="action"{{#ACTION_INVALID}} aria-describedby="action-error" aria-invalid="true"{{/ACTION_INVALID}}>{{#ACTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/ACTION}}</select>
    </div>
    <div class="field{{#FEEDBACK_TEXT_INVALID}} field-invalid{{/FEEDBACK_TEXT_INVALID}}">
      <label for="feedback_text">Nội dung</label>
      <p class="hint" id="feedback_text-hint">Ghi chú, thông tin cần bổ sung, lý do gia hạn hoặc trả lại, hay bản trả lời. Không cần khi duyệt, công khai, kết thúc hoặc giao việc.</p>
      {{#FEEDBACK_TEXT_INVALID}}<p class="field-error" id="feedback_text-error"><span class="visually-hidden">Lỗi: </span>{{FEEDBACK_TEXT_ERROR}}</p>{{/FEEDBACK_TEXT_INVALID}}
      <textarea id="feedback_text" name="feedback_text" rows="5" maxlength="5000" aria-describedby="feedback_text-hint{{#FEEDBACK_TEXT_INVALID}} feedback_text-error{{/FEEDBACK_TEXT_INVALID}}"{{#FEEDBACK_TEXT_INVALID}} aria-invalid="true"{{/FEEDBACK_TEXT_INVALID}}>{{FEEDBACK_TEXT}}</textarea>
    </div>
    {{#CAN_ASSIGN}}<div class="field{{#UNIT_CODE_INVALID}} field-invalid{{/UNIT_CODE_INVALID}}">
      <label for="unit_code">Giao cho đơn vị (khi giao việc)</label>
      {{#UNIT_CODE_INVALID}}<p class="field-error" id="unit_code-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_CODE_ERROR}}</p>{{/UNIT_CODE_INVALID}}
      <select id="unit_code" name="unit_code"{{#UNIT_CODE_INVALID}} aria-describedby="unit_code-error" aria-invalid="true"{{/UNIT_CODE_INVALID}}><option value="">Giữ đơn vị hiện tại</option>{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    </div>
    <div class="field{{#ASSIGNEE_ID_INVALID}} field-invalid{{/ASSIGNEE_ID_INVALID}}">
      <label for="assignee_id">Giao cho cán bộ (khi giao việc)</label>
      {{#ASSIGNEE_ID_INVALID}}<p class="field-error" id="assignee_id-error"><span class="visually-hidden">Lỗi: </span>{{ASSIGNEE_ID_ERROR}}</p>{{/ASSIGNEE_ID_INVALID}}
      <select id="assignee_id" name="assignee_id"{{#ASSIGNEE_ID_INVALID}} aria-describedby="assignee_id-error" aria-invalid="true"{{/ASSIGNEE_ID_INVALID}}><option value="">Chưa chọn</option>{{#ASSIGNEE}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/ASSIGNEE}}</select>
    </div>{{/CAN_ASSIGN}}
    {{#CAN_MERGE}}<div class="field{{#TARGET_CODE_INVALID}} field-invalid{{/TARGET_CODE_INVALID}}">
      <label for="target_code">Mã góp ý trùng nhận trước (khi gộp)</label>
      {{#TARGET_CODE_INVALID}}<p class="field-error" id="target_code-error"><span class="visually-hidden">Lỗi: </span>{{TARGET_CODE_ERROR}}</p>{{/TARGET_CODE_INVALID}}
      <input id="target_code" name="target_code" maxlength="80" value="{{TARGET_CODE}}"{{#TARGET_CODE_INVALID}} aria-describedby="target_code-error" aria-invalid="true"{{/TARGET_CODE_INVALID}}>
    </div>{{/CAN_MERGE}}
    <button type="submit">Thực hiện</button>
  </form>{{/CAN_ACT}}
  <h2 id="timeline-heading">Quá trình xử lý</h2>
  <ol class="timeline" aria-labelledby="timeline-heading">{{#STEP}}
    <li><span class="when">{{AT}}</span> <span class="what">{{ACTION}}{{#HAS_ACTOR}} · {{ACTOR}}{{/HAS_ACTOR}}{{#INTERNAL}} (nội bộ){{/INTERNAL}}</span>{{#HAS_TEXT}}<br><span class="pre">{{TEXT}}</span>{{/HAS_TEXT}}</li>{{/STEP}}
  </ol>
</section>
