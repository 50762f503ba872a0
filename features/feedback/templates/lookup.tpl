{{%AUTOESCAPE context="HTML"}}<section class="panel narrow lookup">
  <h1>Tra cứu góp ý</h1>
  <p class="lead">Xem góp ý, phản ánh, kiến nghị đã gửi đang được xử lý đến đâu và câu trả lời được công khai.</p>
  {{#FOUND}}
  <h2 id="item-heading">Góp ý <span class="code-text">{{CODE}}</span></h2>
  <p class="status-line" id="item-status"><strong>{{STATE}}</strong></p>
  <dl class="summary">
    <div><dt>Loại</dt><dd>{{KIND}}</dd></div>
    <div><dt>Lĩnh vực</dt><dd>{{CATEGORY}}</dd></div>
    <div><dt>Tiêu đề</dt><dd id="item-title">{{TITLE}}</dd></div>
    <div><dt>Đơn vị xử lý</dt><dd>{{UNIT}}</dd></div>
    <div><dt>Ngày tiếp nhận</dt><dd>{{RECEIVED}}</dd></div>
    {{#HAS_DUE}}<div><dt>Hạn trả lời</dt><dd id="item-due">{{DUE}}</dd></div>{{/HAS_DUE}}
  </dl>
  {{#HAS_ANSWER}}<h3 id="answer-heading">Câu trả lời</h3>
  <div class="answer" id="published-answer" aria-labelledby="answer-heading"><p>{{ANSWER}}</p></div>{{/HAS_ANSWER}}
  {{#CAN_RATE}}<form method="post" action="/gop-y/danh-gia" class="rate-answer" aria-labelledby="rate-heading">
    <h3 id="rate-heading">Ông/bà có hài lòng với câu trả lời không?</h3>
    <p class="hint">Đánh giá một lần cho mỗi câu trả lời, không ghi tên người đánh giá.</p>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="ma" value="{{CODE}}">
    <input type="hidden" name="so" value="{{SO}}">
    <div class="actions">
      <button type="submit" name="level" value="satisfied" id="rate-satisfied">Hài lòng</button>
      <button type="submit" name="level" value="unsatisfied" id="rate-unsatisfied" class="secondary">Không hài lòng</button>
    </div>
  </form>{{/CAN_RATE}}
  {{#HAS_RATED}}<p class="status-line" id="rated">Ông/bà đã đánh giá câu trả lời: <strong>{{RATED}}</strong>.</p>{{/HAS_RATED}}
  {{#CAN_REOPEN}}<form method="post" action="/gop-y/mo-lai" class="reopen" aria-labelledby="reopen-heading" novalidate>
    <h3 id="reopen-heading">Chưa được giải quyết?</h3>
    <p class="hint" id="reopen-hint">Ông/bà có thể đề nghị mở lại góp ý đến hết ngày {{REOPEN_UNTIL}}. Hãy nêu lý do; đơn vị sẽ xử lý tiếp và trả lời lại.</p>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="ma" value="{{CODE}}">
    <input type="hidden" name="so" value="{{SO}}">
    <div class="field{{#FEEDBACK_TEXT_INVALID}} field-invalid{{/FEEDBACK_TEXT_INVALID}}">
      <label for="feedback_text">Lý do mở lại</label>
      {{#FEEDBACK_TEXT_INVALID}}<p class="field-error" id="feedback_text-error"><span class="visually-hidden">Lỗi: </span>{{FEEDBACK_TEXT_ERROR}}</p>{{/FEEDBACK_TEXT_INVALID}}
      <textarea id="feedback_text" name="feedback_text" rows="4" maxlength="5000" aria-describedby="reopen-hint{{#FEEDBACK_TEXT_INVALID}} feedback_text-error{{/FEEDBACK_TEXT_INVALID}}"{{#FEEDBACK_TEXT_INVALID}} aria-invalid="true"{{/FEEDBACK_TEXT_INVALID}}>{{FEEDBACK_TEXT}}</textarea>
    </div>
    <button type="submit" id="reopen-submit">Đề nghị mở lại</button>
  </form>{{/CAN_REOPEN}}
  <h3 id="timeline-heading">Quá trình xử lý</h3>
  <ol class="timeline" aria-labelledby="timeline-heading">{{#STEP}}
    <li><span class="when">{{AT}}</span> <span class="what">{{TEXT}}</span></li>{{/STEP}}
  </ol>
  {{/FOUND}}
  {{#NOT_FOUND}}
  <div class="alert" id="not-found">
    <h2>Không tìm thấy góp ý</h2>
    <p>Hãy kiểm tra lại mã góp ý (ví dụ GY-26734-2026-0042) và mã bảo mật hoặc 4 số cuối của số điện thoại đã cho khi gửi.</p>
  </div>
  {{/NOT_FOUND}}
  <form method="get" action="/gop-y/tra-cuu" novalidate>
    <div class="field{{#MA_INVALID}} field-invalid{{/MA_INVALID}}">
      <label for="ma">Mã góp ý</label>
      <p class="hint" id="ma-hint">Mã nhận được khi gửi, ví dụ GY-26734-2026-0042.</p>
      {{#MA_INVALID}}<p class="field-error" id="ma-error"><span class="visually-hidden">Lỗi: </span>{{MA_ERROR}}</p>{{/MA_INVALID}}
      <input id="ma" name="ma" maxlength="80" autocomplete="off" autocapitalize="characters" spellcheck="false" value="{{MA}}" aria-describedby="ma-hint{{#MA_INVALID}} ma-error{{/MA_INVALID}}"{{#MA_INVALID}} aria-invalid="true"{{/MA_INVALID}}>
    </div>
    <div class="field">
      <label for="so">Mã bảo mật hoặc 4 số cuối điện thoại</label>
      <p class="hint" id="so-hint">Mã bảo mật hiện khi gửi góp ý, ví dụ abcd-efgh; hoặc 4 số cuối của số điện thoại đã cho.</p>
      <input class="w10" id="so" name="so" maxlength="20" autocomplete="off" autocapitalize="none" spellcheck="false" value="{{SO}}" aria-describedby="so-hint">
    </div>
    <button type="submit">Tra cứu</button>
  </form>
</section>
