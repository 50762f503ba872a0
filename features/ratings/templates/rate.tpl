{{%AUTOESCAPE context="HTML"}}<section class="panel narrow rate">
  <h1>Đánh giá sự hài lòng</h1>
  <p class="rate-who"><strong>{{HEADING}}</strong><br>{{SUBTITLE}}</p>
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="client_key" value="{{CLIENT_KEY}}">
    {{#HAS_LINK_TOKEN}}<input type="hidden" name="t" value="{{LINK_TOKEN}}">{{/HAS_LINK_TOKEN}}
    <fieldset class="field faces{{#LEVEL_INVALID}} field-invalid{{/LEVEL_INVALID}}" id="level">
      <legend>Ông/bà có hài lòng với việc giải quyết thủ tục hành chính không?</legend>
      {{#LEVEL_INVALID}}<p class="field-error" id="level-error"><span class="visually-hidden">Lỗi: </span>{{LEVEL_ERROR}}</p>{{/LEVEL_INVALID}}
      {{#LEVEL}}<label class="face face-{{VALUE}}"><input type="radio" name="level" value="{{VALUE}}" {{CHECKED}}><span class="face-icon" aria-hidden="true">{{FACE:none}}</span><span class="face-label">{{LABEL}}</span></label>
      {{/LEVEL}}
    </fieldset>
    <fieldset class="field reasons{{#REASONS_INVALID}} field-invalid{{/REASONS_INVALID}}" id="reasons">
      <legend>Nếu chưa hài lòng, vì sao? (có thể chọn nhiều)</legend>
      {{#REASONS_INVALID}}<p class="field-error" id="reasons-error"><span class="visually-hidden">Lỗi: </span>{{REASONS_ERROR}}</p>{{/REASONS_INVALID}}
      {{#REASON}}<label class="check"><input type="checkbox" name="reasons" value="{{VALUE}}" {{CHECKED}}> {{LABEL}}</label>
      {{/REASON}}
    </fieldset>
    <div class="field{{#COMMENT_INVALID}} field-invalid{{/COMMENT_INVALID}}">
      <label for="comment">Ý kiến thêm (không bắt buộc)</label>
      <p class="hint" id="comment-hint">Tối đa 500 ký tự. Xin đừng ghi họ tên, số điện thoại hay số giấy tờ của mình.</p>
      {{#COMMENT_INVALID}}<p class="field-error" id="comment-error"><span class="visually-hidden">Lỗi: </span>{{COMMENT_ERROR}}</p>{{/COMMENT_INVALID}}
      <textarea id="comment" name="comment" rows="3" maxlength="500" aria-describedby="comment-hint{{#COMMENT_INVALID}} comment-error{{/COMMENT_INVALID}}"{{#COMMENT_INVALID}} aria-invalid="true"{{/COMMENT_INVALID}}>{{COMMENT}}</textarea>
    </div>
    {{#ASK_DOSSIER}}<div class="field{{#DOSSIER_CODE_INVALID}} field-invalid{{/DOSSIER_CODE_INVALID}}">
      <label for="dossier_code">Mã hồ sơ (không bắt buộc)</label>
      <p class="hint" id="dossier_code-hint">In trên giấy tiếp nhận và hẹn trả kết quả. Mỗi hồ sơ chỉ đánh giá một lần.</p>
      {{#DOSSIER_CODE_INVALID}}<p class="field-error" id="dossier_code-error"><span class="visually-hidden">Lỗi: </span>{{DOSSIER_CODE_ERROR}}</p>{{/DOSSIER_CODE_INVALID}}
      <input id="dossier_code" name="dossier_code" maxlength="40" autocomplete="off" value="{{DOSSIER_CODE}}" aria-describedby="dossier_code-hint{{#DOSSIER_CODE_INVALID}} dossier_code-error{{/DOSSIER_CODE_INVALID}}"{{#DOSSIER_CODE_INVALID}} aria-invalid="true"{{/DOSSIER_CODE_INVALID}}>
    </div>{{/ASK_DOSSIER}}
    <button type="submit" class="big">Gửi đánh giá</button>
  </form>
  <p class="hint">Đánh giá không ghi lại tên hay thông tin cá nhân của ông/bà.</p>
</section>
