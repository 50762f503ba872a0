{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Các buổi đối thoại với người dân</h1>
  <p class="lead">Lịch và kết quả các buổi đối thoại của đơn vị và các đơn vị trực thuộc; mỗi ý kiến nêu tại buổi đối thoại được theo dõi như một góp ý đến khi trả lời.</p>
  <p class="actions"><a class="button" href="/feedback/doi-thoai/moi">Lên lịch buổi đối thoại</a> <a class="button secondary" href="/feedback">Sổ theo dõi góp ý</a></p>
  {{#EMPTY}}<p id="no-sessions">Chưa có buổi đối thoại nào.</p>{{/EMPTY}}
  {{#HAS_SESSIONS}}<div class="table-wrap" role="region" aria-labelledby="sessions-caption" tabindex="0">
  <table class="stack" id="sessions">
    <caption id="sessions-caption">Các buổi đối thoại, mới nhất trước</caption>
    <thead><tr><th scope="col">Ngày</th><th scope="col">Buổi đối thoại</th><th scope="col">Đơn vị</th><th scope="col">Tình trạng</th><th scope="col" class="num">Ý kiến</th></tr></thead>
    <tbody>{{#SESSION}}<tr>
      <td data-label="Ngày">{{DAY}} {{TIME}}</td>
      <th scope="row" data-label="Buổi đối thoại"><a href="{{URL}}">{{TITLE}}</a></th>
      <td data-label="Đơn vị">{{UNIT}}</td>
      <td data-label="Tình trạng">{{STATE}}</td>
      <td class="num" data-label="Ý kiến">{{ITEMS}}</td>
    </tr>{{/SESSION}}</tbody>
  </table>
  </div>{{/HAS_SESSIONS}}
</section>
