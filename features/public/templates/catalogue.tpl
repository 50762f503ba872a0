{{%AUTOESCAPE context="HTML"}}<section class="panel">
  {{>KIOSK_BAR}}
  <p class="back no-print"><a href="{{BACK_URL}}">← {{PLACE_NAME}}</a></p>
  <h1>{{TITLE}}</h1>
  {{#ENDED}}<p class="notice" id="place-ended">{{PLACE_NAME}} không còn là đơn vị hành chính từ ngày {{VALID_TO}}.{{#HAS_SUCCESSOR}} Hãy xem <a href="{{SUCCESSOR_URL}}">thủ tục tại {{SUCCESSOR_NAME}}</a>.{{/HAS_SUCCESSOR}}</p>{{/ENDED}}
  {{#OPEN}}<p class="lead">Giấy tờ cần nộp, lệ phí và thời hạn giải quyết của {{COUNT}} thủ tục hành chính bạn có thể làm tại Bộ phận một cửa của {{PLACE_NAME}}. Chọn tên thủ tục để xem đầy đủ.</p>
  <form method="get" action="{{PLACE_URL}}/thu-tuc" class="inline search no-print" role="search" novalidate>
    <div class="field{{#TIM_INVALID}} field-invalid{{/TIM_INVALID}}">
      <label for="tim">Tìm thủ tục</label>
      <p class="hint" id="tim-hint">Gõ có dấu hoặc không dấu, ví dụ: khai sinh hoặc chứng thực.</p>
      {{#TIM_INVALID}}<p class="field-error" id="tim-error"><span class="visually-hidden">Lỗi: </span>{{TIM_ERROR}}</p>{{/TIM_INVALID}}
      <input id="tim" name="tim" type="search" maxlength="80" autocomplete="off" spellcheck="false" value="{{QUERY}}" aria-describedby="tim-hint{{#TIM_INVALID}} tim-error{{/TIM_INVALID}}"{{#TIM_INVALID}} aria-invalid="true"{{/TIM_INVALID}}>
    </div>
    {{#KIOSK}}<input type="hidden" name="kiosk" value="1">{{/KIOSK}}
    <button type="submit">Tìm</button>
  </form>
  {{#ASKED}}<h2 id="results-title">Kết quả cho “{{ASKED_QUERY}}”: {{FOUND}} thủ tục</h2>
  {{#NONE}}<p id="no-results">Không có thủ tục nào có tên như vậy. Hãy bỏ bớt chữ, hoặc <a href="{{PLACE_URL}}/thu-tuc{{KQ}}">xem tất cả thủ tục</a>.</p>{{/NONE}}
  {{#RESULTS}}<ul class="results procedures" aria-labelledby="results-title">{{#ITEM}}
    <li><a href="{{HREF}}">{{NAME}}</a> <span class="where">Thời hạn: {{LIMIT}} · Lệ phí: {{FEES}}</span></li>{{/ITEM}}
  </ul>
  <p class="no-print"><a href="{{PLACE_URL}}/thu-tuc{{KQ}}">Xem tất cả thủ tục</a></p>{{/RESULTS}}{{/ASKED}}
  {{#EMPTY_CATALOGUE}}<p id="empty-catalogue">{{PLACE_NAME}} chưa công bố thủ tục nào trên trang này. Hãy hỏi trực tiếp Bộ phận một cửa.</p>{{/EMPTY_CATALOGUE}}
  {{#FIELD}}<h2 id="field-{{INDEX}}">{{FIELD_NAME}} <small>({{FIELD_COUNT}})</small></h2>
  <ul class="results procedures" aria-labelledby="field-{{INDEX}}">{{#ITEM}}
    <li><a href="{{HREF}}">{{NAME}}</a> <span class="where">Thời hạn: {{LIMIT}} · Lệ phí: {{FEES}}</span></li>{{/ITEM}}
  </ul>{{/FIELD}}
  <h2 class="no-print">In và tải về</h2>
  <ul class="links no-print">
    <li><a id="poster-link" href="{{POSTER_HREF}}">Áp phích mã QR để dán tại nơi tiếp dân (tệp PDF, khổ A4)</a></li>
    <li><a href="{{PLACE_URL}}/thu-tuc.csv">Danh mục thủ tục dạng bảng tính (CSV)</a> · <a href="{{PLACE_URL}}/thu-tuc.json">dạng JSON</a>: dữ liệu mở, được dùng lại khi ghi rõ nguồn</li>
    <li><a href="{{PLACE_URL}}/sitemap.xml">Sơ đồ các trang (cho máy tìm kiếm)</a></li>
  </ul>{{/OPEN}}
</section>
