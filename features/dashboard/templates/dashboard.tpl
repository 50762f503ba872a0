{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Xin chào, {{FULL_NAME}}</h1>
  <p class="lead">Số liệu ngày {{TODAY}} trong phạm vi các đơn vị bạn phụ trách.</p>
  <ul class="stats">
    <li><span class="num" id="count-units">{{UNITS}}</span> đơn vị đang hiệu lực</li>
    <li><span class="num">{{PROVINCES}}</span> tỉnh, thành phố</li>
    <li><span class="num">{{DISTRICTS}}</span> huyện (cấp cũ)</li>
    <li><span class="num">{{COMMUNES}}</span> xã, phường, đặc khu</li>
    <li><span class="num" id="count-officials">{{OFFICIALS}}</span> cán bộ đang hoạt động</li>
  </ul>
  <h2>Vai trò của bạn</h2>
  <ul>{{#GRANT}}<li>{{ROLE}} — {{UNIT}}</li>{{/GRANT}}</ul>
</section>
