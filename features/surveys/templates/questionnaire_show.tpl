{{%AUTOESCAPE context="HTML"}}<section class="panel questionnaire">
  <p class="back no-print"><a href="/surveys/questionnaires">← Bộ câu hỏi khảo sát</a></p>
  <h1>{{NAME}}</h1>
  <dl class="summary">
    <div><dt>Mã bộ câu hỏi</dt><dd><code>{{CODE}}</code></dd></div>
    <div><dt>Phiên bản</dt><dd id="questionnaire-version">{{VERSION}}</dd></div>
    <div><dt>Đơn vị</dt><dd>{{OWNER}}</dd></div>
    <div><dt>Tình trạng</dt><dd>{{STATE}}</dd></div>
    <div><dt>Ngày tạo</dt><dd>{{CREATED}}</dd></div>
    <div><dt>Nội dung</dt><dd>{{COUNTS}}</dd></div>
  </dl>
  <p class="actions no-print"><a class="button secondary" href="{{PREVIEW_URL}}" id="preview-link">Xem trước như người dân thấy</a>{{#MAY_EDIT}} <a class="button" href="{{EDIT_URL}}" id="edit-link">Soạn phiên bản mới</a>{{/MAY_EDIT}}{{#MAY_COPY}} <a class="button secondary" href="{{COPY_URL}}" id="copy-link">Tạo bản sao</a>{{/MAY_COPY}}</p>
  {{#SECTION}}<h2>Phần {{N}}. {{TITLE}}</h2>
  <ol class="questions">{{#QUESTION}}<li value="{{N}}"><p><strong>{{TEXT}}</strong></p>
    <p class="hint">Mã <code>{{KEY}}</code> · {{KIND}} · {{#REQUIRED}}bắt buộc{{/REQUIRED}}{{#OPTIONAL}}không bắt buộc{{/OPTIONAL}}{{#LIKERT}} · Yếu tố SIPAS: {{ELEMENT}}{{/LIKERT}}</p>
    {{#OPTIONS}}<ul>{{#OPTION_ITEM}}<li>{{OPTION}}</li>{{/OPTION_ITEM}}</ul>{{/OPTIONS}}</li>
  {{/QUESTION}}</ol>{{/SECTION}}
</section>
