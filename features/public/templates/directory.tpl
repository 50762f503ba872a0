{{%AUTOESCAPE context="HTML"}}<section class="panel">
  {{>KIOSK_BAR}}
  <p class="back no-print"><a href="{{BACK_URL}}">← {{PLACE_NAME}}</a></p>
  <h1>{{TITLE}}</h1>
  {{#ENDED}}<p class="notice" id="place-ended">{{PLACE_NAME}} không còn là đơn vị hành chính từ ngày {{VALID_TO}}.{{#HAS_SUCCESSOR}} Hãy xem <a href="{{SUCCESSOR_URL}}">danh bạ của {{SUCCESSOR_NAME}}</a>.{{/HAS_SUCCESSOR}}</p>{{/ENDED}}
  {{#OPEN}}<p class="lead">Lãnh đạo và cán bộ, công chức của {{PLACE_NAME}} mà bạn có thể liên hệ. Mỗi người chỉ công khai những thông tin mình đồng ý.</p>
  {{#NONE}}<p id="directory-empty">{{PLACE_NAME}} chưa công khai danh bạ trên trang này. Hãy hỏi trực tiếp Bộ phận một cửa.</p>{{/NONE}}
  {{#HAS_PEOPLE}}<ul class="results directory" aria-label="Danh bạ">{{#PERSON}}
    <li class="person">{{#HAS_PHOTO}}<img class="official-photo" src="{{PHOTO_URL}}" alt="{{NAME}}" width="96" height="128">{{/HAS_PHOTO}}<div class="person-text"><strong class="person-name">{{NAME}}</strong>{{#HAS_POSITION}}
      <span class="where">{{POSITION}}</span>{{/HAS_POSITION}}{{#HAS_PHONE}}
      <span class="where">Điện thoại: <a href="tel:{{TEL}}">{{PHONE}}</a></span>{{/HAS_PHONE}}{{#HAS_EMAIL}}
      <span class="where">Thư điện tử: <a href="mailto:{{EMAIL}}">{{EMAIL}}</a></span>{{/HAS_EMAIL}}{{#HAS_HOURS}}
      <span class="where">Giờ tiếp dân: {{HOURS}}</span>{{/HAS_HOURS}}</div></li>{{/PERSON}}
  </ul>{{/HAS_PEOPLE}}
  {{#HAS_CONDUCT}}<h2 id="conduct">Phương châm và quy tắc ứng xử</h2>
  {{#HAS_MOTTOS}}<ul class="mottos" id="mottos" aria-label="Phương châm">{{#MOTTO}}<li>{{TEXT}}</li>{{/MOTTO}}</ul>{{/HAS_MOTTOS}}
  {{#HAS_RULES}}<h3>Quy tắc ứng xử của cán bộ, công chức</h3>
  <ol class="conduct" id="conduct-rules">{{#RULE}}<li>{{TEXT}}</li>{{/RULE}}</ol>{{/HAS_RULES}}{{/HAS_CONDUCT}}{{/OPEN}}
</section>
