{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p><a href="/cham-diem">Quay lại Chấm điểm</a></p>
  <h1>Chấm điểm: {{UNIT}}</h1>
  <p class="lead">{{SET}} · {{PERIOD}}.</p>
  <dl class="summary">
    <div><dt>Bước</dt><dd id="state">{{STATE}}</dd></div>
    <div><dt>Tổng điểm</dt><dd id="total">{{TOTAL}} / {{MAX_TOTAL}}{{#PROVISIONAL}} (tạm tính, chưa chốt){{/PROVISIONAL}}</dd></div>
    {{#HAS_SELF_DUE}}<div><dt>Hạn gửi bản tự chấm</dt><dd id="self-due">{{SELF_DUE}}</dd></div>{{/HAS_SELF_DUE}}
    {{#HAS_APPRAISAL_DUE}}<div><dt>Hạn thẩm định, chốt điểm</dt><dd id="appraisal-due">{{APPRAISAL_DUE}}</dd></div>{{/HAS_APPRAISAL_DUE}}
    <div><dt>Công nhận</dt><dd id="recognition">{{#RECOGNISED}}Đạt điều kiện công nhận{{/RECOGNISED}}{{#NOT_RECOGNISED}}Chưa đạt điều kiện công nhận{{/NOT_RECOGNISED}}</dd></div>
  </dl>
  {{#NOT_RECOGNISED}}<ul class="plain" id="recognition-reasons">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>{{/NOT_RECOGNISED}}
  {{#RETURNED}}<div class="notice" id="returned"><p><strong>Cấp thẩm định đã trả lại để bổ sung:</strong></p><p>{{RETURN_COMMENT}}</p></div>{{/RETURNED}}
  {{#BELOW_MINIMUM}}<p class="notice" id="below-minimum">Có tiêu chí tính từ số liệu chưa đủ số lượng tối thiểu nên chưa được chấm; đơn vị không được xếp hạng nếu điểm chốt còn tiêu chí như vậy.</p>{{/BELOW_MINIMUM}}
  <ul class="plain">
    <li><a href="/cham-diem/xep-hang?set={{SET_ID}}&amp;from={{FROM}}">Xem xếp hạng</a></li>
    <li><a href="/cham-diem/so-sanh?set={{SET_ID}}&amp;unit={{UNIT_CODE}}">So sánh qua các kỳ</a></li>
  </ul>

  {{#HAS_GAPS}}<h2 id="gaps-title">Tiêu chí có thể tăng điểm nhiều nhất</h2>
  <ol id="gaps">{{#GAP}}<li>{{KEY}}. {{TITLE}}: còn thiếu {{GAP}} điểm ({{POINTS}} / {{MAX}})</li>{{/GAP}}</ol>{{/HAS_GAPS}}

  <div class="table-wrap" role="region" aria-labelledby="lines-caption" tabindex="0"><table class="stack">
    <caption id="lines-caption">Điểm từng tiêu chí thành phần</caption>
    <thead><tr><th scope="col">Tiêu chí</th><th scope="col" class="num">Tối đa</th><th scope="col" class="num">Tự chấm</th><th scope="col" class="num">Thẩm định</th><th scope="col" class="num">Điểm tính</th><th scope="col">Ghi chú</th></tr></thead>
    <tbody>{{#LINE}}<tr id="line-{{FIELD}}"><th scope="row">{{KEY}}. {{TITLE}}<br><span class="hint">{{METHOD}}</span></th><td class="num" data-label="Tối đa">{{MAX}}</td><td class="num" data-label="Tự chấm">{{SELF}}</td><td class="num" data-label="Thẩm định">{{APPRAISED}}</td><td class="num" data-label="Điểm tính">{{POINTS}}</td><td data-label="Ghi chú">{{#HAS_RAW}}{{RAW}}. {{/HAS_RAW}}{{#LINE_BELOW_MINIMUM}}Dưới {{MIN}}: chưa chấm. {{/LINE_BELOW_MINIMUM}}{{#HAS_EXPLANATION}}Giải trình: {{EXPLANATION}}. {{/HAS_EXPLANATION}}{{#HAS_REASON}}Lý do điều chỉnh: {{REASON}}. {{/HAS_REASON}}{{#FILE}}<a href="/cham-diem/minh-chung/{{FILE_ID}}">{{FILE_NAME}}</a> ({{FILE_SIZE}}) {{/FILE}}</td></tr>{{/LINE}}</tbody>
  </table></div>

  {{#SELF_FORM}}<h2>Tự chấm điểm</h2>
  <form method="post" action="/cham-diem/danh-gia/{{ID}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{#LINE}}{{#SELF_INPUT}}<fieldset class="field item">
      <legend>{{KEY}}. {{TITLE}}</legend>
      {{#HAS_EVIDENCE}}<p class="hint">Tài liệu kiểm chứng: {{EVIDENCE}}</p>{{/HAS_EVIDENCE}}
      <div class="field{{#INVALID}} field-invalid{{/INVALID}}">
        <label for="{{FIELD}}-points">Điểm tự chấm<span class="visually-hidden"> tiêu chí {{KEY}}</span></label>
        <p class="hint" id="{{FIELD}}-points-hint">Tối đa {{MAX}} điểm, theo bước {{STEP}} điểm, ví dụ 1,25.</p>
        {{#INVALID}}<p class="field-error" id="{{FIELD}}-points-error"><span class="visually-hidden">Lỗi: </span>{{ERROR}}</p>{{/INVALID}}
        <input id="{{FIELD}}-points" name="lines.{{KEY}}.points" inputmode="decimal" maxlength="8" value="{{VALUE}}" autocomplete="off" aria-describedby="{{FIELD}}-points-hint{{#INVALID}} {{FIELD}}-points-error{{/INVALID}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}>
      </div>
      <div class="field{{#EXPLANATION_INVALID}} field-invalid{{/EXPLANATION_INVALID}}">
        <label for="{{FIELD}}-explanation">Giải trình (không bắt buộc)<span class="visually-hidden"> tiêu chí {{KEY}}</span></label>
        {{#EXPLANATION_INVALID}}<p class="field-error" id="{{FIELD}}-explanation-error"><span class="visually-hidden">Lỗi: </span>{{EXPLANATION_ERROR}}</p>{{/EXPLANATION_INVALID}}
        <textarea id="{{FIELD}}-explanation" name="lines.{{KEY}}.explanation" rows="2" maxlength="2000"{{#EXPLANATION_INVALID}} aria-invalid="true" aria-describedby="{{FIELD}}-explanation-error"{{/EXPLANATION_INVALID}}>{{EXPLANATION_VALUE}}</textarea>
      </div>
    </fieldset>{{/SELF_INPUT}}{{/LINE}}
    <div class="actions">
      <button type="submit" name="action" value="save">Lưu</button>
      <button type="submit" name="action" value="submit" class="secondary">Lưu và gửi thẩm định</button>
    </div>
  </form>
  {{#UPLOAD}}<h2>Tải lên tài liệu kiểm chứng</h2>
  <form method="post" action="/cham-diem/danh-gia/{{ID}}/minh-chung" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#LINE_INVALID}} field-invalid{{/LINE_INVALID}}">
      <label for="line">Tiêu chí</label>
      {{#LINE_INVALID}}<p class="field-error" id="line-error"><span class="visually-hidden">Lỗi: </span>{{LINE_ERROR}}</p>{{/LINE_INVALID}}
      <select id="line" name="line"{{#LINE_INVALID}} aria-invalid="true" aria-describedby="line-error"{{/LINE_INVALID}}>{{#LINE_OPTION}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{KEY}}. {{TITLE}}</option>{{/LINE_OPTION}}</select>
    </div>
    <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
      <label for="name">Tên tài liệu (không bắt buộc)</label>
      <p class="hint" id="name-hint">Ví dụ: Biên bản họp thôn 3 ngày 12/3.</p>
      {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
      <input id="name" name="name" maxlength="200" value="{{NAME_VALUE}}" autocomplete="off" aria-describedby="name-hint{{#NAME_INVALID}} name-error{{/NAME_INVALID}}"{{#NAME_INVALID}} aria-invalid="true"{{/NAME_INVALID}}>
    </div>
    <div class="field{{#FILE_INVALID}} field-invalid{{/FILE_INVALID}}">
      <label for="file">Tệp</label>
      <p class="hint" id="file-hint">PDF, ảnh PNG hoặc JPEG, tài liệu Word (.docx) hoặc Excel (.xlsx), tối đa 10 MB và theo giới hạn của máy chủ.</p>
      {{#FILE_INVALID}}<p class="field-error" id="file-error"><span class="visually-hidden">Lỗi: </span>{{FILE_ERROR}}</p>{{/FILE_INVALID}}
      <input type="file" id="file" name="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx" aria-describedby="file-hint{{#FILE_INVALID}} file-error{{/FILE_INVALID}}"{{#FILE_INVALID}} aria-invalid="true"{{/FILE_INVALID}}>
    </div>
    <button type="submit" class="secondary">Tải lên</button>
  </form>
  {{#HAS_ATTACHED}}<h2 id="attached-title">Tài liệu đã tải lên</h2>
  <p>Gỡ một tệp tải nhầm (chỉ trước khi gửi thẩm định; tệp gỡ rồi có thể tải lên lại):</p>
  <ul class="plain" id="attached">{{#ATTACHED}}<li><form method="post" action="/cham-diem/minh-chung/{{FILE_ID}}/xoa">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    Tiêu chí {{KEY}}: {{FILE_NAME}} <button type="submit" class="secondary" aria-label="Gỡ tệp {{FILE_NAME}} của tiêu chí {{KEY}}">Gỡ tệp</button>
  </form></li>{{/ATTACHED}}</ul>{{/HAS_ATTACHED}}{{/UPLOAD}}{{/SELF_FORM}}

  {{#APPRAISE_FORM}}<h2>Thẩm định</h2>
  <form method="post" action="/cham-diem/danh-gia/{{ID}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{#LINE}}{{#APPRAISE_INPUT}}<fieldset class="field item">
      <legend>{{KEY}}. {{TITLE}} (tự chấm {{SELF}}, điểm tính {{POINTS}} / {{MAX}})</legend>
      <fieldset class="field">
        <legend class="visually-hidden">Quyết định cho tiêu chí {{KEY}}</legend>
        <label for="{{FIELD}}-accept"><input type="radio" id="{{FIELD}}-accept" name="lines.{{KEY}}.decision" value="accept"{{#ACCEPT_CHECKED}} checked{{/ACCEPT_CHECKED}}> Đồng ý</label>
        <label for="{{FIELD}}-adjust"><input type="radio" id="{{FIELD}}-adjust" name="lines.{{KEY}}.decision" value="adjust"{{#ADJUST_CHECKED}} checked{{/ADJUST_CHECKED}}> Điều chỉnh</label>
      </fieldset>
      <div class="field{{#INVALID}} field-invalid{{/INVALID}}">
        <label for="{{FIELD}}-points">Điểm sau điều chỉnh<span class="visually-hidden"> tiêu chí {{KEY}}</span></label>
        <p class="hint" id="{{FIELD}}-points-hint">Chỉ khi điều chỉnh. Tối đa {{MAX}} điểm, theo bước {{STEP}} điểm.</p>
        {{#INVALID}}<p class="field-error" id="{{FIELD}}-points-error"><span class="visually-hidden">Lỗi: </span>{{ERROR}}</p>{{/INVALID}}
        <input id="{{FIELD}}-points" name="lines.{{KEY}}.points" inputmode="decimal" maxlength="8" value="{{VALUE}}" autocomplete="off" aria-describedby="{{FIELD}}-points-hint{{#INVALID}} {{FIELD}}-points-error{{/INVALID}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}>
      </div>
      <div class="field{{#REASON_INVALID}} field-invalid{{/REASON_INVALID}}">
        <label for="{{FIELD}}-reason">Lý do điều chỉnh<span class="visually-hidden"> tiêu chí {{KEY}}</span></label>
        {{#REASON_INVALID}}<p class="field-error" id="{{FIELD}}-reason-error"><span class="visually-hidden">Lỗi: </span>{{REASON_ERROR}}</p>{{/REASON_INVALID}}
        <textarea id="{{FIELD}}-reason" name="lines.{{KEY}}.reason" rows="2" maxlength="1000"{{#REASON_INVALID}} aria-invalid="true" aria-describedby="{{FIELD}}-reason-error"{{/REASON_INVALID}}>{{REASON_VALUE}}</textarea>
      </div>
    </fieldset>{{/APPRAISE_INPUT}}{{/LINE}}
    {{#HAS_FLAGS}}<fieldset class="field"><legend>Trường hợp không công nhận (đánh dấu nếu có)</legend>
      {{#FLAG}}<label for="flag-{{KEY}}"><input type="checkbox" id="flag-{{KEY}}" name="flag.{{KEY}}" value="1"{{#CHECKED}} checked{{/CHECKED}}> {{TITLE}}</label>
      {{/FLAG}}</fieldset>{{/HAS_FLAGS}}
    <div class="actions">
      <button type="submit" name="action" value="appraise">Lưu thẩm định</button>
      <button type="submit" name="action" value="lock" class="secondary">Lưu và chốt điểm</button>
    </div>
  </form>
  <h2>Trả lại để bổ sung</h2>
  <form method="post" action="/cham-diem/danh-gia/{{ID}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="action" value="return">
    <div class="field{{#COMMENT_INVALID}} field-invalid{{/COMMENT_INVALID}}">
      <label for="comment">Nội dung cần bổ sung</label>
      <p class="hint" id="comment-hint">Ví dụ: bổ sung biên bản họp thôn cho tiêu chí 1.7.</p>
      {{#COMMENT_INVALID}}<p class="field-error" id="comment-error"><span class="visually-hidden">Lỗi: </span>{{COMMENT_ERROR}}</p>{{/COMMENT_INVALID}}
      <textarea id="comment" name="comment" rows="3" maxlength="2000" aria-describedby="comment-hint{{#COMMENT_INVALID}} comment-error{{/COMMENT_INVALID}}"{{#COMMENT_INVALID}} aria-invalid="true"{{/COMMENT_INVALID}}>{{COMMENT_VALUE}}</textarea>
    </div>
    <button type="submit" class="secondary">Trả lại</button>
  </form>{{/APPRAISE_FORM}}
  {{#DEADLINE_FORM}}<h2 id="deadlines-title">Thời hạn các bước</h2>
  <p>Trước thời hạn {{REMIND_DAYS}} ngày và khi quá hạn, hệ thống gửi thư nhắc (hoặc tin nhắn) cho lãnh đạo đơn vị (bước tự chấm) hoặc cán bộ thẩm định cấp trên (bước thẩm định). Để trống một ô nếu bước đó không có thời hạn.</p>
  <form method="post" action="/cham-diem/danh-gia/{{ID}}" novalidate aria-labelledby="deadlines-title">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="action" value="deadlines">
    {{>SELF_DUE_DATE}}
    {{>APPRAISAL_DUE_DATE}}
    <button type="submit" class="secondary">Lưu thời hạn</button>
  </form>{{/DEADLINE_FORM}}
</section>
