{{%AUTOESCAPE context="HTML"}}<section class="panel">
  {{>KIOSK_BAR}}
  <p class="back no-print"><a href="{{BACK_URL}}">← {{PLACE_NAME}}</a></p>
  <h1>{{TITLE}}</h1>
  {{#ENDED}}<p class="notice" id="place-ended">{{PLACE_NAME}} không còn là đơn vị hành chính từ ngày {{VALID_TO}}.{{#HAS_SUCCESSOR}} Hãy xem <a href="{{SUCCESSOR_URL}}">danh bạ của {{SUCCESSOR_NAME}}</a>.{{/HAS_SUCCESSOR}}</p>{{/ENDED}}
  {{#OPEN}}<p class="lead">Lãnh đạo và cán bộ, công chức của {{PLACE_NAME}} mà bạn có thể liên hệ. Mỗi người chỉ công khai những thông tin mình đồng ý.</p>
  {{#NONE}}<p id="directory-empty">{{PLACE_NAME}} chưa công khai danh bạ trên trang này. Hãy hỏi trực tiếp Bộ phận một cửa.</p>{{/NONE}}
  {{#HAS_PEOPLE}}<ul class="results directory" aria-label="Danh bạ">{{#PERSON}}
    <li><strong class="person-name">{{NAME}}</strong>{{#HAS_POSITION}}
      <span class="where">{{POSITION}}</span>{{/HAS_POSITION}}{{#HAS_PHONE}}
      <span class="where">Điện thoại: <a href="tel:{{TEL}}">{{PHONE}}</a></span>{{/HAS_PHONE}}{{#HAS_EMAIL}}
      <span class="where">Thư điện tử: <a href="mailto:{{EMAIL}}">{{EMAIL}}</a></span>{{/HAS_EMAIL}}{{#HAS_HOURS}}
      <span class="where">Giờ tiếp dân: {{HOURS}}</span>{{/HAS_HOURS}}</li>{{/PERSON}}
  </ul>{{/HAS_PEOPLE}}{{/OPEN}}
</section>
