{{%AUTOESCAPE context="HTML"}}<section class="panel">
  {{>KIOSK_BAR}}
  <p class="back no-print"><a href="{{BACK_URL}}">← {{PLACE_NAME}}</a></p>
  <h1>{{TITLE}}</h1>
  <p class="lead">Thông báo của {{PLACE_NAME}} được đọc trên loa của các ấp, khu phố. Bạn có thể đọc hoặc nghe lại ở đây.</p>
  {{#NONE}}<p id="announcements-empty">Hiện chưa có thông báo nào.</p>{{/NONE}}
  {{#ITEM}}<article class="announcement" aria-labelledby="announcement-{{ID}}">
    <h2 id="announcement-{{ID}}">{{ITEM_TITLE}}</h2>
    <p class="where">Phát từ ngày {{STARTS}} đến ngày {{ENDS}}, lúc {{TIMES}}{{#HAS_HAMLETS}} · Nơi phát: {{HAMLETS}}{{/HAS_HAMLETS}}{{#ALL_HAMLETS}} · Phát ở mọi ấp, khu phố{{/ALL_HAMLETS}}</p>
    {{#WITHDRAWN}}<p class="withdrawn"><strong>Đã rút ngày {{WITHDRAWN_ON}}</strong>, không phát nữa. Lý do: {{WITHDRAWN_REASON}}</p>{{/WITHDRAWN}}
    <p class="announcement-body">{{BODY}}</p>
    {{#ON_AIR}}<audio controls preload="none" src="{{AUDIO_URL}}" aria-label="Nghe thông báo: {{ITEM_TITLE}}"></audio>
    <p><a href="{{AUDIO_URL}}">Tải tệp âm thanh<span class="visually-hidden">: {{ITEM_TITLE}}</span></a></p>{{/ON_AIR}}
  </article>{{/ITEM}}
</section>
