{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="{{URL}}">← Hồ sơ {{CODE}}</a></p>
  <h1>{{TITLE}}</h1>
  <dl class="summary">
    <div><dt>Người nộp</dt><dd>{{APPLICANT}}</dd></div>
    <div><dt>Thủ tục</dt><dd>{{PROCEDURE}}</dd></div>
    <div><dt>Trạng thái</dt><dd>{{STATE}}</dd></div>
    <div><dt>Hẹn trả kết quả</dt><dd>{{DUE}}</dd></div>
  </dl>
  {{#HAS_LEAD}}<p class="lead">{{LEAD}}</p>{{/HAS_LEAD}}
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="version" value="{{VERSION}}">
    {{#IS_TRANSFER}}{{#HAS_STEPS}}<div class="field{{#STEP_INVALID}} field-invalid{{/STEP_INVALID}}">
      <label for="step">Chuyển sang bước</label>
      {{#STEP_INVALID}}<p class="field-error" id="step-error"><span class="visually-hidden">Lỗi: </span>{{STEP_ERROR}}</p>{{/STEP_INVALID}}
      <select id="step" name="step"{{#STEP_INVALID}} aria-describedby="step-error" aria-invalid="true"{{/STEP_INVALID}}>{{#STEP}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/STEP}}</select>
    </div>{{/HAS_STEPS}}
    <div class="field{{#TO_OFFICIAL_INVALID}} field-invalid{{/TO_OFFICIAL_INVALID}}">
      <label for="to_official">Cán bộ nhận hồ sơ</label>
      <p class="hint" id="to_official-hint">Cán bộ, công chức làm việc với hồ sơ của đơn vị.</p>
      {{#TO_OFFICIAL_INVALID}}<p class="field-error" id="to_official-error"><span class="visually-hidden">Lỗi: </span>{{TO_OFFICIAL_ERROR}}</p>{{/TO_OFFICIAL_INVALID}}
      <select id="to_official" name="to_official" aria-describedby="to_official-hint{{#TO_OFFICIAL_INVALID}} to_official-error{{/TO_OFFICIAL_INVALID}}"{{#TO_OFFICIAL_INVALID}} aria-invalid="true"{{/TO_OFFICIAL_INVALID}}><option value="">Chọn cán bộ</option>{{#OFFICIAL}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/OFFICIAL}}</select>
    </div>{{/IS_TRANSFER}}
    {{#IS_RETURN}}<div class="field{{#RETURNED_TO_INVALID}} field-invalid{{/RETURNED_TO_INVALID}}">
      <label for="returned_to">Người nhận kết quả</label>
      <p class="hint" id="returned_to-hint">Họ tên người đến nhận, ví dụ: Nguyễn Văn An (người nộp hồ sơ).</p>
      {{#RETURNED_TO_INVALID}}<p class="field-error" id="returned_to-error"><span class="visually-hidden">Lỗi: </span>{{RETURNED_TO_ERROR}}</p>{{/RETURNED_TO_INVALID}}
      <input id="returned_to" name="returned_to" maxlength="120" value="{{RETURNED_TO}}" autocomplete="off" aria-describedby="returned_to-hint{{#RETURNED_TO_INVALID}} returned_to-error{{/RETURNED_TO_INVALID}}"{{#RETURNED_TO_INVALID}} aria-invalid="true"{{/RETURNED_TO_INVALID}}>
    </div>{{/IS_RETURN}}
    {{#HAS_REASON}}<div class="field{{#REASON_INVALID}} field-invalid{{/REASON_INVALID}}">
      <label for="reason">{{REASON_LABEL}}</label>
      <p class="hint" id="reason-hint">{{REASON_HINT}}</p>
      {{#REASON_INVALID}}<p class="field-error" id="reason-error"><span class="visually-hidden">Lỗi: </span>{{REASON_ERROR}}</p>{{/REASON_INVALID}}
      <textarea id="reason" name="reason" rows="4" maxlength="1000" aria-describedby="reason-hint{{#REASON_INVALID}} reason-error{{/REASON_INVALID}}"{{#REASON_INVALID}} aria-invalid="true"{{/REASON_INVALID}}>{{REASON}}</textarea>
    </div>{{/HAS_REASON}}
    {{#IS_APOLOGY}}{{>NEW_DUE_DATE}}
    {{#NEEDS_OVERRIDE}}<div class="field{{#OVERRIDE_REASON_INVALID}} field-invalid{{/OVERRIDE_REASON_INVALID}}">
      <label for="override_reason">Lý do lập văn bản sau thời hạn</label>
      <p class="hint" id="override_reason-hint">Đã quá thời hạn gửi văn bản xin lỗi ({{WARNING}}); quản trị viên ghi rõ vì sao vẫn lập.</p>
      {{#OVERRIDE_REASON_INVALID}}<p class="field-error" id="override_reason-error"><span class="visually-hidden">Lỗi: </span>{{OVERRIDE_REASON_ERROR}}</p>{{/OVERRIDE_REASON_INVALID}}
      <textarea id="override_reason" name="override_reason" rows="3" maxlength="500" aria-describedby="override_reason-hint{{#OVERRIDE_REASON_INVALID}} override_reason-error{{/OVERRIDE_REASON_INVALID}}"{{#OVERRIDE_REASON_INVALID}} aria-invalid="true"{{/OVERRIDE_REASON_INVALID}}>{{OVERRIDE_REASON}}</textarea>
    </div>{{/NEEDS_OVERRIDE}}{{/IS_APOLOGY}}
    <div class="actions">
      <button type="submit">{{BUTTON}}</button>
      <a class="button secondary" href="{{URL}}">Hủy</a>
    </div>
  </form>
</section>
