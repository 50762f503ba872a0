{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>{{TITLE}}</h1>
  <p class="lead">Thông báo của {{UNIT_NAME}} cho loa các ấp, khu phố: người dân xem và nghe ở <a href="{{PUBLIC_URL}}">{{PUBLIC_URL}}</a>; mỗi bộ điều khiển loa lấy danh sách phát bằng mã truy cập riêng.</p>
  {{#CAN_CREATE}}<p><a class="button" id="announcement-new" href="/desk/announcements/new?unit={{UNIT_URL}}">Soạn thông báo mới</a></p>{{/CAN_CREATE}}
  {{#CAN_MANAGE_CONTROLLERS}}<p><a id="controllers-link" href="/desk/announcements/controllers?unit={{UNIT_URL}}">Bộ điều khiển loa và mã truy cập</a></p>{{/CAN_MANAGE_CONTROLLERS}}
  <h2 id="current-title">Thông báo đang và sắp phát</h2>
  {{#NONE}}<p>Chưa có thông báo nào.</p>{{/NONE}}
  {{#HAS_ITEMS}}<ul class="results" aria-labelledby="current-title">{{#ITEM}}
    <li id="announcement-{{ID}}"><strong>{{ITEM_TITLE}}</strong> <span class="where">{{STARTS}} – {{ENDS}}, lúc {{TIMES}} · {{HAMLETS}}</span>
      {{#WITHDRAWN}}<br><span class="badge">Đã rút</span> lúc {{WITHDRAWN_AT}}, bởi {{WITHDRAWN_BY}}. Lý do: {{WITHDRAWN_REASON}}{{/WITHDRAWN}}
      {{#BROADCAST}}<br><span class="badge">Đã phát</span>: không sửa được nữa{{/BROADCAST}}
      {{#EDITABLE}}<br><a href="/desk/announcements/{{ID}}/edit">Sửa<span class="visually-hidden"> thông báo {{ITEM_TITLE}}</span></a> · <a href="/desk/announcements/{{ID}}/withdraw">Rút thông báo<span class="visually-hidden"> {{ITEM_TITLE}}</span></a>{{/EDITABLE}}
      {{#WITHDRAW_ONLY}}<br><a href="/desk/announcements/{{ID}}/withdraw">Rút thông báo<span class="visually-hidden"> {{ITEM_TITLE}}</span></a>{{/WITHDRAW_ONLY}}</li>{{/ITEM}}
  </ul>{{/HAS_ITEMS}}
  <h2 id="log-title">Nhật ký phát</h2>
  {{#NO_LOG}}<p id="log-empty">Chưa có lần phát nào được bộ điều khiển loa báo về.</p>{{/NO_LOG}}
  {{#HAS_LOG}}<div class="table-wrap" role="region" aria-labelledby="log-caption" tabindex="0">
  <table class="stack">
    <caption id="log-caption">Các lần phát gần nhất, mới nhất trước</caption>
    <thead><tr><th scope="col">Thông báo</th><th scope="col">Ấp, khu phố</th><th scope="col">Lúc phát</th><th scope="col">Báo bởi</th></tr></thead>
    <tbody>{{#LOG}}<tr><td>{{LOG_TITLE}}</td><td data-label="Ấp, khu phố">{{LOG_HAMLET}}</td><td data-label="Lúc phát">{{LOG_AT}}</td><td data-label="Báo bởi">{{LOG_BY}}</td></tr>{{/LOG}}</tbody>
  </table></div>{{/HAS_LOG}}
</section>
