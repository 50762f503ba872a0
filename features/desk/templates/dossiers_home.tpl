{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Bộ phận một cửa</h1>
  <p class="lead">Hồ sơ trong các đơn vị bạn phụ trách, ngày {{TODAY}}.</p>
  {{#CAN_RECEIVE}}<p class="actions"><a class="button" href="/desk/intake">Tiếp nhận hồ sơ</a></p>{{/CAN_RECEIVE}}
  <form method="get" action="/desk/dossiers" class="inline search" role="search" novalidate>
    <input type="hidden" name="view" value="all">
    <div class="field">
      <label for="q">Tìm hồ sơ</label>
      <p class="hint" id="q-hint">Mã hồ sơ, họ tên người nộp (có dấu hoặc không dấu) hoặc số điện thoại, ví dụ: nguyen van an hoặc 345678.</p>
      <input id="q" name="q" type="search" maxlength="100" autocomplete="off" aria-describedby="q-hint">
    </div>
    <button type="submit">Tìm</button>
  </form>
  <ul class="stats">
    <li><a href="/desk/dossiers?view=mine"><span class="num" id="count-mine">{{MINE}}</span> hồ sơ của tôi đang xử lý</a></li>
    <li><a href="/desk/dossiers?view=due_soon"><span class="num" id="count-due-soon">{{DUE_SOON}}</span> hồ sơ sắp đến hạn (trong 01 ngày làm việc)</a></li>
    <li><a href="/desk/dossiers?view=late"><span class="num" id="count-late">{{LATE}}</span> hồ sơ quá hạn</a></li>
  </ul>
  <h2 id="queue-heading">Hồ sơ của tôi</h2>
  {{#NO_QUEUE}}<p id="no-queue">Bạn không có hồ sơ nào đang chờ xử lý.</p>{{/NO_QUEUE}}
  {{#QUEUE}}<p class="hint">Hồ sơ quá hạn và sắp đến hạn ở trên cùng.</p>{{>DOSSIER_TABLE}}{{/QUEUE}}
  {{#MORE_QUEUE}}<p><a href="/desk/dossiers?view=mine">Xem tất cả hồ sơ của tôi</a></p>{{/MORE_QUEUE}}
  {{#OVERDUE}}<h2 id="overdue-heading">Hồ sơ quá hạn trong đơn vị</h2>
  {{>DOSSIER_TABLE}}
  <p><a href="/desk/dossiers?view=late">Xem tất cả hồ sơ quá hạn</a></p>{{/OVERDUE}}
  <h2 id="states-heading">Hồ sơ đang giải quyết theo trạng thái</h2>
  <div class="table-wrap" role="region" aria-labelledby="states-caption" tabindex="0"><table class="states">
    <caption id="states-caption" class="visually-hidden">Số hồ sơ đang giải quyết theo trạng thái</caption>
    <thead><tr><th scope="col">Trạng thái</th><th scope="col" class="num">Số hồ sơ</th></tr></thead>
    <tbody>{{#STATE}}<tr><td><a href="/desk/dossiers?view=all&amp;state={{VALUE}}">{{NAME}}</a></td><td class="num" id="state-{{VALUE}}">{{COUNT}}</td></tr>{{/STATE}}</tbody>
  </table></div>
  <h2>Công việc của Bộ phận một cửa</h2>
  <ul class="links">
    <li><a href="/desk/dossiers?view=all">Danh sách hồ sơ</a></li>
    {{#CAN_RECEIVE}}<li><a href="/desk/intake">Tiếp nhận hồ sơ</a></li>{{/CAN_RECEIVE}}
    {{#CAN_RECEIVE}}<li><a href="/desk/messages">Tin nhắn báo cho người nộp</a></li>{{/CAN_RECEIVE}}
    <li><a href="/desk/procedures">Danh mục thủ tục hành chính</a></li>
    <li><a href="/desk/register">Sổ theo dõi hồ sơ (mẫu 07)</a></li>
    <li><a href="/desk/stats">Thống kê kết quả giải quyết</a></li>
  </ul>
</section>
