{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Phiếu mời khảo sát</h1>
  <p class="lead"><a href="{{CAMPAIGN_URL}}">{{NAME}}</a>. Mỗi phiếu mời chỉ trả lời được một lần trong mỗi đợt.</p>
  <p class="actions"><a class="button" href="{{PDF_URL}}">Tải phiếu mời để in (PDF)</a></p>
  {{#EMPTY}}<p>Không có phiếu mời nào trong khoảng này.</p>{{/EMPTY}}
  {{#HAS_INVITATIONS}}<div class="table-wrap" role="region" aria-labelledby="invitations-caption" tabindex="0"><table class="stack" id="invitations-table">
    <caption id="invitations-caption">Các phiếu mời và đường dẫn trả lời</caption>
    <thead><tr><th scope="col" class="num">Số phiếu</th><th scope="col">Đơn vị</th><th scope="col">Cán bộ</th><th scope="col">Đường dẫn</th></tr></thead>
    <tbody>{{#INVITATION}}<tr><th scope="row" class="num">{{ID}}</th><td data-label="Đơn vị">{{UNIT}}</td><td data-label="Cán bộ">{{OFFICIAL}}</td><td data-label="Đường dẫn"><a class="code-text small" href="{{URL}}">{{FULL_URL}}</a></td></tr>{{/INVITATION}}</tbody>
  </table></div>{{/HAS_INVITATIONS}}
</section>
