{{%AUTOESCAPE context="HTML"}}<section class="panel narrow lookup">
  <h1>Đánh giá việc giải quyết hồ sơ</h1>
  <p class="lead">Ông/bà cho điểm việc giải quyết hồ sơ của mình theo các tiêu chí dưới đây. Không cần đăng nhập; mỗi hồ sơ được đánh giá một lần.</p>
  {{#FOUND}}
  <h2 id="dossier-heading">Hồ sơ <span class="code-text">{{CODE}}</span></h2>
  <dl class="summary">
    <div><dt>Thủ tục</dt><dd>{{PROCEDURE}}</dd></div>
    <div><dt>Nơi tiếp nhận</dt><dd>{{UNIT}}</dd></div>
  </dl>
  {{#NOT_FINISHED}}<p class="notice" id="not-finished">Hồ sơ chưa có kết quả nên chưa thể đánh giá. Ông/bà hãy quay lại khi đã nhận kết quả.</p>{{/NOT_FINISHED}}
  {{#DONE}}<div class="notice" id="evaluation-done"><p>Hồ sơ này đã được ông/bà đánh giá: <strong id="evaluation-total">{{TOTAL}}/{{MAX_TOTAL}} điểm</strong>, xếp loại <strong id="evaluation-grade">{{GRADE}}</strong>. Xin cảm ơn ông/bà.</p></div>
  <ol class="criteria">{{#CRITERION}}<li><span>{{LABEL}}</span>: <strong>{{POINTS}}/{{MAX}} điểm</strong></li>{{/CRITERION}}</ol>{{/DONE}}
  {{#FORM}}
  <form method="post" action="/danh-gia-ho-so" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="ma" value="{{MA}}">
    <input type="hidden" name="so" value="{{SO}}">
    <p class="hint">Mỗi tiêu chí từ 0 đến 2 điểm: 2 là tốt, 1 là đạt, 0 là chưa đạt. Các tiêu chí về thời gian được tính tự động.</p>
    {{#CRITERION}}{{#COMPUTED}}<div class="field criterion"><p><strong>{{N}}. {{LABEL}}</strong></p><p class="hint">Tính tự động từ quá trình giải quyết: {{POINTS}}/{{MAX}} điểm</p></div>{{/COMPUTED}}{{#CHOOSE}}
    <fieldset class="field item{{#INVALID}} field-invalid{{/INVALID}}" id="{{FIELD_ID}}">
      <legend>{{N}}. {{LABEL}}</legend>
      {{#INVALID}}<p class="field-error" id="{{FIELD_ID}}-error"><span class="visually-hidden">Lỗi: </span>{{ERROR}}</p>{{/INVALID}}
      {{#OPTION}}<label for="{{OPTION_ID}}"><input type="radio" id="{{OPTION_ID}}" name="points.{{KEY}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{OPTION_LABEL}}</label>
      {{/OPTION}}
    </fieldset>{{/CHOOSE}}{{/CRITERION}}
    <button type="submit">Gửi đánh giá</button>
  </form>
  {{/FORM}}
  {{/FOUND}}
  {{#ASK}}
  {{#NOT_FOUND}}<div class="alert" id="not-found"><h2>Không tìm thấy hồ sơ</h2><p>Không có hồ sơ nào mang mã <span class="code-text">{{ASKED}}</span>. Hãy kiểm tra lại mã in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</p></div>{{/NOT_FOUND}}
  <form method="get" action="/danh-gia-ho-so" novalidate>
    <div class="field{{#MA_INVALID}} field-invalid{{/MA_INVALID}}">
      <label for="ma">Mã hồ sơ</label>
      <p class="hint" id="ma-hint">In trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, ví dụ 000.00.01.H22-260317-0042.</p>
      {{#MA_INVALID}}<p class="field-error" id="ma-error"><span class="visually-hidden">Lỗi: </span>{{MA_ERROR}}</p>{{/MA_INVALID}}
      <input id="ma" name="ma" maxlength="80" autocomplete="off" autocapitalize="characters" spellcheck="false" value="{{MA}}" aria-describedby="ma-hint{{#MA_INVALID}} ma-error{{/MA_INVALID}}"{{#MA_INVALID}} aria-invalid="true"{{/MA_INVALID}}>
    </div>
    <div class="field{{#SO_INVALID}} field-invalid{{/SO_INVALID}}">
      <label for="so">4 số cuối điện thoại hoặc CCCD của người nộp</label>
      <p class="hint" id="so-hint">Để chắc chắn người đánh giá là người nộp hồ sơ, ví dụ 5678.</p>
      {{#SO_INVALID}}<p class="field-error" id="so-error"><span class="visually-hidden">Lỗi: </span>{{SO_ERROR}}</p>{{/SO_INVALID}}
      <input class="w5" id="so" name="so" inputmode="numeric" maxlength="4" autocomplete="off" value="{{SO}}" aria-describedby="so-hint{{#SO_INVALID}} so-error{{/SO_INVALID}}"{{#SO_INVALID}} aria-invalid="true"{{/SO_INVALID}}>
    </div>
    <button type="submit">Tiếp tục</button>
  </form>
  {{/ASK}}
</section>
