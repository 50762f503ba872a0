{{%AUTOESCAPE context="HTML"}}<article class="panel procedure">
  {{>KIOSK_BAR}}
  <p class="back no-print"><a href="{{PLACE_URL}}/thu-tuc{{KQ}}">← Thủ tục tại {{PLACE_NAME}}</a></p>
  <h1>{{NAME}}</h1>
  <p class="lead">Lĩnh vực: {{FIELD}} · Mã thủ tục: {{PROCEDURE_CODE}} · Làm tại {{PLACE_NAME}}</p>
  <dl class="summary">
    <div><dt>Thời hạn giải quyết</dt><dd id="procedure-limit">{{LIMIT}}</dd></div>
    <div><dt>Lệ phí</dt><dd id="procedure-fees">{{FEES}}</dd></div>
    <div><dt>Kết quả nhận được</dt><dd>{{RESULT}}</dd></div>
    <div><dt>Nộp trực tuyến</dt><dd>{{ONLINE_LEVEL}}{{#ONLINE}}: <a href="https://dichvucong.gov.vn">Cổng Dịch vụ công quốc gia</a>{{/ONLINE}}</dd></div>
  </dl>
  <h2 id="documents-title">Giấy tờ cần nộp</h2>
  {{#HAS_DOCUMENTS}}<ol class="documents" aria-labelledby="documents-title">{{#DOCUMENT}}
    <li>{{DOC_NAME}} <span class="where">{{DOC_KIND}}, {{DOC_COUNT}} bản</span></li>{{/DOCUMENT}}
  </ol>{{/HAS_DOCUMENTS}}
  {{#NO_DOCUMENTS}}<p>Không cần nộp giấy tờ.</p>{{/NO_DOCUMENTS}}
  {{#HAS_STEPS}}<h2 id="steps-title">Các bước giải quyết</h2>
  <ol class="steps" aria-labelledby="steps-title">{{#STEP}}
    <li>{{STEP_NAME}}{{#HAS_HANDLER}} <span class="where">Nơi làm: {{STEP_HANDLER}}</span>{{/HAS_HANDLER}}</li>{{/STEP}}
  </ol>{{/HAS_STEPS}}
  <h2>Nộp hồ sơ ở đâu</h2>
  <p>Tại Bộ phận một cửa của <a href="{{BACK_URL}}">{{PLACE_NAME}}</a>, trong giờ làm việc: {{#SESSION}}<span class="nowrap">{{FROM}} – {{TO}}</span>{{#SESSION_separator}}, {{/SESSION_separator}}{{/SESSION}}. Hồ sơ nộp sau {{CUTOFF}} được tính thời hạn từ ngày làm việc tiếp theo.</p>
  {{#HAS_BASIS}}<h2 id="basis-title">Căn cứ pháp lý</h2>
  <ul class="basis" aria-labelledby="basis-title">{{#BASIS}}<li>{{LINE}}</li>{{/BASIS}}</ul>{{/HAS_BASIS}}
  <h2>Mở lại trang này trên điện thoại</h2>
  <div class="qr">{{QR:none}}</div>
  <p class="qr-url"><a href="{{PAGE_URL}}">{{PAGE_URL}}</a></p>
  <p class="hint">Cần hỏi thêm, hãy hỏi trực tiếp Bộ phận một cửa. Thông tin trên trang này theo danh mục thủ tục đang có hiệu lực hôm nay.</p>
</article>
